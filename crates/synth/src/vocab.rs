//! The vocabulary of the synthetic corpus: ministers, members of parliament, organisations and
//! topics, in French as the Brussels Parliament writes it.
//!
//! Topics mix the plan's themes (numérique, données ouvertes, e-santé, marchés publics, formation,
//! PME, ...) with themes outside it (mobilité, logement, propreté, pollution, biodiversité,
//! emploi, ...), including the near misses a matcher must not be fooled by (a transport company's
//! procurement, air-pollution peaks, biodiversity in buildings, Actiris in employment questions).
//!
//! People are fictitious; portfolios follow the 2019-2024 Brussels government.
//! Noun phrases carry their article (`le`, `la`, `les`, `l’`) so that templates can contract
//! `de` / `à` correctly (`du`, `des`, `au`, `aux`).

pub struct Minister {
    pub name: &'static str,
    pub feminine: bool,
    /// Secrétaire d'État rather than Ministre.
    pub secretary: bool,
    /// The role and portfolio as questions write it after the name.
    pub portfolio: &'static str,
    /// The role and portfolio as plans write it (no name).
    pub plan_portfolio: &'static str,
}

impl Minister {
    /// `Monsieur le Ministre`, `Madame la Secrétaire d’État`, ...
    pub fn address(&self) -> &'static str {
        match (self.feminine, self.secretary) {
            (false, false) => "Monsieur le Ministre",
            (true, false) => "Madame la Ministre",
            (false, true) => "Monsieur le Secrétaire d’État",
            (true, true) => "Madame la Secrétaire d’État",
        }
    }

    /// How a colleague refers to this minister in an answer (`la Secrétaire d’État en charge de ...`).
    pub fn referral(&self) -> String {
        let role = match (self.feminine, self.secretary) {
            (false, false) => "le Ministre",
            (true, false) => "la Ministre",
            (false, true) => "le Secrétaire d’État",
            (true, true) => "la Secrétaire d’État",
        };
        let p = self.plan_portfolio;
        let charge = p.find(" en charge ").or_else(|| p.find(" chargé"));
        match charge {
            Some(at) => format!("{role}{}", &p[at..]),
            None => role.to_string(),
        }
    }
}

/// Questions are addressed in this rhythm: index into [`MINISTERS`]. The minister in charge of the
/// digital transition receives a third of the questions, as in the seed corpus' legislature.
pub const ADDRESSEE_CYCLE: [usize; 12] = [0, 1, 0, 2, 3, 0, 4, 5, 0, 6, 7, 1];

pub const MINISTERS: [Minister; 8] = [
    Minister {
        name: "Laurent Verhaegen",
        feminine: false,
        secretary: false,
        portfolio: "Ministre du Gouvernement de la Région de Bruxelles-Capitale chargé de l'Emploi et de la Formation professionnelle, de la Transition numérique, des Pouvoirs locaux et du Bien-Être animal",
        plan_portfolio: "Ministre en charge de l’Emploi et de la Formation professionnelle, de la Transition numérique et de la Simplification Administrative",
    },
    Minister {
        name: "Sophie Lambrechts",
        feminine: true,
        secretary: true,
        portfolio: "Secrétaire d'État à la Région de Bruxelles-Capitale chargée de la Transition économique et de la Recherche scientifique",
        plan_portfolio: "Secrétaire d’Etat en charge de la Transition économique et de la Recherche scientifique",
    },
    Minister {
        name: "Thomas Vandamme",
        feminine: false,
        secretary: false,
        portfolio: "Ministre du Gouvernement de la Région de Bruxelles-Capitale chargé de la Transition climatique, de l'Environnement, de l'Énergie et de la Démocratie participative",
        plan_portfolio: "Ministre chargé de la Transition climatique, de l’Environnement, de l’Energie et de la Démocratie participative",
    },
    Minister {
        name: "Élise Van Roy",
        feminine: true,
        secretary: false,
        portfolio: "Ministre du Gouvernement de la Région de Bruxelles-Capitale chargée de la Mobilité, des Travaux publics et de la Sécurité routière",
        plan_portfolio: "Ministre en charge de la Mobilité, des Travaux publics et de la Sécurité routière",
    },
    Minister {
        name: "Nadia El Khattabi",
        feminine: true,
        secretary: true,
        portfolio: "Secrétaire d'État à la Région de Bruxelles-Capitale chargée du Logement et de l'Égalité des chances",
        plan_portfolio: "Secrétaire d’Etat en charge du Logement et de l’Egalité des chances",
    },
    Minister {
        name: "Pieter Claes",
        feminine: false,
        secretary: false,
        portfolio: "Ministre du Gouvernement de la Région de Bruxelles-Capitale chargé des Finances, du Budget, de la Fonction publique, de la Promotion du Multilinguisme et de l'Image de Bruxelles",
        plan_portfolio: "Ministre en charge des Finances, du Budget et de la Fonction publique",
    },
    Minister {
        name: "Jean-Marc Dumont",
        feminine: false,
        secretary: false,
        portfolio: "Ministre-Président du Gouvernement de la Région de Bruxelles-Capitale chargé du Développement territorial et de la Rénovation urbaine, du Tourisme, de la Propreté publique et du Biculturel d'intérêt régional",
        plan_portfolio: "Ministre-Président en charge du Développement territorial, de la Rénovation urbaine, du Tourisme et de la Propreté publique",
    },
    Minister {
        name: "Hendrik Peeters",
        feminine: false,
        secretary: true,
        portfolio: "Secrétaire d'État à la Région de Bruxelles-Capitale chargé de l'Urbanisme et du Patrimoine, des Relations européennes et internationales, du Commerce extérieur et de la Lutte contre l'Incendie et l'Aide médicale urgente",
        plan_portfolio: "Secrétaire d’Etat en charge de l’Urbanisme et du Patrimoine, du Commerce extérieur et de l’Aide médicale urgente",
    },
];

pub const FIRST_NAMES_F: &[&str] = &[
    "Camille",
    "Sarah",
    "Nathalie",
    "Fatima",
    "Julie",
    "Isabelle",
    "Anne-Sophie",
    "Leila",
    "Marie",
    "Hanna",
    "Céline",
    "Amélie",
    "Yasmina",
    "Els",
    "Valérie",
    "Aurore",
    "Khadija",
    "Françoise",
];
pub const FIRST_NAMES_M: &[&str] = &[
    "Julien",
    "Mehdi",
    "Pierre",
    "Olivier",
    "Thomas",
    "Ahmed",
    "David",
    "Jan",
    "Nicolas",
    "Kevin",
    "Youssef",
    "Geoffroy",
    "Luc",
    "Stéphane",
    "Bruno",
    "Emin",
    "Gaëtan",
    "Arnaud",
];
pub const SURNAMES: &[&str] = &[
    "Dubois",
    "Lambert",
    "Janssens",
    "El Amrani",
    "Vandenberghe",
    "Mertens",
    "De Smet",
    "Bouzid",
    "Lejeune",
    "Wouters",
    "Van Hecke",
    "Kaya",
    "Renard",
    "Goossens",
    "Haddad",
    "Leclercq",
    "Maes",
    "Dupont",
    "Vermeulen",
    "Ouali",
    "Collignon",
    "De Coster",
    "Simons",
    "Lemaire",
    "Nguyen",
    "d’Oultremont",
    "Aït Lahcen",
    "Van den Bossche",
];

pub struct Topic {
    /// Index into [`MINISTERS`] of the minister questions on this topic are addressed to.
    pub minister: usize,
    /// Whether the topic belongs to the digital-transition plan of seed 002 (ground truth for demos
    /// and for the matcher's over-linking test against seed 002; the matcher never sees it).
    /// Generated plans cover every topic, whatever this says.
    pub in_plan: bool,
    pub key: &'static str,
    /// Subjects of questions (`Question écrite concernant <subject>`).
    pub subjects: &'static [&'static str],
    /// Noun phrases with their article, used by every template.
    pub objects: &'static [&'static str],
    /// Sentences that open a question.
    pub context: &'static [&'static str],
    /// Sentences specific to the topic, for answers.
    pub facts: &'static [&'static str],
    /// Items of bullet lists in answers (projects, measures).
    pub items: &'static [&'static str],
    pub orgs: &'static [&'static str],
    /// Plural nouns that can be counted (`{n} demandes`).
    pub counts: &'static [&'static str],
    /// Infinitive phrases, for plan actions (`afin de <goal>`).
    pub goals: &'static [&'static str],
    /// Short labels that may open a plan bullet (`Pôle de compétitivité commun`).
    pub labels: &'static [&'static str],
}

pub const TOPICS: &[Topic] = &[
    Topic {
        minister: 0,
        in_plan: true,
        key: "open-data",
        subjects: &[
            "la politique régionale en matière de données ouvertes",
            "la publication des données publiques sur le portail open data",
            "l’ouverture des données des administrations bruxelloises",
            "la mise à disposition des données ouvertes pour les entreprises",
        ],
        objects: &[
            "le portail opendata.brussels",
            "la publication des jeux de données régionaux",
            "l’ordonnance relative aux données ouvertes",
            "la réutilisation des données publiques par les entreprises",
            "la qualité des données ouvertes",
            "la politique d’open data",
        ],
        context: &[
            "La Région s’est engagée à mener une politique ambitieuse de gestion des données ouvertes (open data), afin de stimuler l’innovation des entreprises et des services publics.",
            "Plusieurs villes européennes publient déjà en temps réel les données de leurs services publics, qu’il s’agisse de la mobilité, de l’énergie ou de la qualité de l’air.",
            "Selon le dernier rapport européen sur la maturité open data, la Belgique reste en retrait par rapport à ses voisins.",
            "Les développeurs et les start-ups bruxelloises réclament depuis longtemps un accès plus simple aux données publiques, dans des formats réutilisables.",
        ],
        facts: &[
            "À ce jour, {n} jeux de données sont publiés sur le portail régional, contre {n2} au début de la législature.",
            "La transposition de la directive européenne sur les données ouvertes a été approuvée par le Gouvernement en {year}.",
            "Chaque administration régionale dispose désormais d’un référent «open data» chargé de la publication de ses données.",
            "Les données de mobilité et les données géographiques sont les plus téléchargées par les réutilisateurs.",
        ],
        items: &[
            "les horaires en temps réel des transports publics",
            "le cadastre des marchés publics régionaux",
            "les données de consommation énergétique des bâtiments publics",
            "la carte des espaces publics numériques",
            "les statistiques de fréquentation des parcs",
        ],
        orgs: &[
            "Paradigm",
            "le CIRB",
            "easy.brussels",
            "perspective.brussels",
            "Innoviris",
        ],
        counts: &[
            "jeux de données",
            "téléchargements",
            "réutilisations recensées",
            "demandes d’accès",
        ],
        goals: &[
            "stimuler l’innovation des entreprises et des services publics",
            "offrir des services à haute valeur ajoutée aux citoyens",
            "garantir la transparence de l’action publique",
        ],
        labels: &["Portail régional des données", "Stratégie open data"],
    },
    Topic {
        minister: 1,
        in_plan: true,
        key: "sme-digital",
        subjects: &[
            "la digitalisation des PME bruxelloises",
            "le soutien à la transition numérique des entreprises",
            "l’accompagnement des commerçants dans leur présence en ligne",
        ],
        objects: &[
            "le chèque transition numérique",
            "l’accompagnement des PME et des TPE",
            "la présence en ligne des commerces de proximité",
            "les formations aux outils numériques pour les indépendants",
            "le programme de digitalisation des entreprises",
        ],
        context: &[
            "La crise sanitaire a démontré combien la présence en ligne est devenue vitale pour les commerces de proximité et les petites entreprises.",
            "Selon une enquête récente, près de {pct} % des PME bruxelloises n’ont pas encore de site web permettant la vente en ligne.",
            "Le Gouvernement a annoncé vouloir soutenir les PME et les TPE dans leur développement numérique, de la présence sur le web aux outils de gestion.",
        ],
        facts: &[
            "En {year}, {n} entreprises ont bénéficié d’un accompagnement individuel en matière de digitalisation.",
            "Les chèques transition numérique permettent de financer jusqu’à {pct} % du coût d’un consultant agréé.",
            "Un partenariat avec les fédérations sectorielles a permis de toucher des indépendants qui ne connaissaient pas les aides régionales.",
        ],
        items: &[
            "la création de sites de vente en ligne",
            "les formations aux logiciels de gestion (CRM)",
            "l’audit de maturité numérique",
            "l’accès aux logiciels de marchés publics en ligne",
            "la cybersécurité des petites entreprises",
        ],
        orgs: &[
            "hub.brussels",
            "Hub.Brussels",
            "Brupartners",
            "Innoviris",
            "l’UCM",
        ],
        counts: &[
            "chèques",
            "entreprises accompagnées",
            "demandes",
            "formations",
        ],
        goals: &[
            "soutenir les PME et TPE dans leur développement numérique",
            "accélérer la transition numérique de l’économie bruxelloise",
            "renforcer la compétitivité des entreprises locales",
        ],
        labels: &["Chèque transition numérique", "Digitalisation des PME"],
    },
    Topic {
        minister: 1,
        in_plan: true,
        key: "e-health",
        subjects: &[
            "le développement de l’e-santé en Région bruxelloise",
            "le soutien aux entreprises actives dans la health tech",
            "la plateforme esanté.brussels",
        ],
        objects: &[
            "l’écosystème esanté",
            "les projets de health tech soutenus par la Région",
            "les applications de télémédecine",
            "l’intelligence artificielle appliquée aux soins",
            "la plateforme esanté.brussels",
        ],
        context: &[
            "Le secteur de la santé connaît une évolution rapide grâce à l’arrivée des nouvelles technologies, qu’il s’agisse de la télémédecine ou des dossiers patients partagés.",
            "Plusieurs start-ups bruxelloises actives dans l’e-santé se sont fait connaître pendant la crise sanitaire.",
            "Le Gouvernement s’est engagé à stimuler le secteur de l’e-santé, en collaboration avec les autres entités fédérées.",
        ],
        facts: &[
            "Depuis {year}, {n} projets de recherche en e-santé ont été financés pour un montant total de {amount} euros.",
            "Un appel à projets consacré à la health tech a été clôturé en {month} {year}.",
            "Les données de santé relèvent pour l’essentiel de l’autorité fédérale et des communautés, ce qui limite le champ d’action régional.",
        ],
        items: &[
            "une application de suivi à domicile des patients chroniques",
            "un outil d’aide au diagnostic par intelligence artificielle",
            "la plateforme de téléconsultation des maisons médicales",
            "un projet de capteurs pour les maisons de repos",
        ],
        orgs: &["Innoviris", "hub.brussels", "BRUXEO", "Abrumet", "la COCOM"],
        counts: &["projets", "start-ups", "demandes de financement"],
        goals: &[
            "répondre aux besoins sociaux et sanitaires des Bruxellois",
            "stimuler l’innovation en matière de health tech",
            "renforcer la résilience urbaine",
        ],
        labels: &["Écosystème e-santé", "Health tech"],
    },
    Topic {
        minister: 0,
        in_plan: true,
        key: "public-procurement-digital",
        subjects: &[
            "l’accès des PME aux marchés publics en ligne",
            "l’achat de solutions numériques par les administrations régionales",
            "le soutien aux entreprises govtech",
        ],
        objects: &[
            "la plateforme de marchés publics électroniques",
            "les achats de solutions numériques par les administrations",
            "le marché des entreprises govtech",
            "la centrale d’achat informatique régionale",
            "la formation des PME aux logiciels de marchés publics",
        ],
        context: &[
            "Les administrations régionales achètent chaque année pour plusieurs millions d’euros de services informatiques, souvent auprès de grands groupes internationaux.",
            "De nombreuses jeunes entreprises technologiques estiment que les cahiers des charges régionaux leur sont difficilement accessibles.",
            "La modernisation des administrations publiques passe aussi par une politique d’achat qui stimule les entreprises technologiques locales.",
        ],
        facts: &[
            "En {year}, {pct} % des marchés informatiques régionaux ont été attribués à des PME.",
            "La centrale d’achat régionale propose désormais {n} contrats-cadres ouverts aux pouvoirs locaux.",
            "Des séances d’information sur les marchés publics en ligne sont organisées chaque trimestre pour les entreprises.",
        ],
        items: &[
            "la simplification des cahiers des charges",
            "la division des marchés en lots",
            "les dialogues compétitifs avec les start-ups",
            "la publication systématique des avis de marché en ligne",
        ],
        orgs: &[
            "Paradigm",
            "le CIRB",
            "hub.brussels",
            "le SPRB",
            "easy.brussels",
        ],
        counts: &[
            "marchés",
            "offres",
            "contrats-cadres",
            "entreprises soumissionnaires",
        ],
        goals: &[
            "stimuler le marché des entreprises technologiques",
            "accélérer la modernisation des administrations publiques",
            "faciliter l’accès des PME aux marchés publics",
        ],
        labels: &["GovTech", "Centrale d’achat numérique"],
    },
    Topic {
        minister: 0,
        in_plan: true,
        key: "digital-skills",
        subjects: &[
            "les formations aux compétences numériques",
            "le lancement du Pôle Formation Emploi ICT",
            "la pénurie de profils informatiques à Bruxelles",
        ],
        objects: &[
            "le Pôle Formation Emploi ICT",
            "les formations au codage et à la programmation",
            "l’offre de formation de Bruxelles Formation dans le numérique",
            "les métiers en pénurie dans le secteur informatique",
            "le centre de référence professionnelle TIC",
        ],
        context: &[
            "Les entreprises du secteur informatique peinent à recruter, alors que de nombreux chercheurs d’emploi pourraient être formés à ces métiers.",
            "Il est primordial de proposer aux Bruxellois des formations adaptées à tous les niveaux, de l’apprentissage de base aux compétences numériques avancées.",
            "Le Gouvernement a annoncé le lancement d’un pôle formation emploi consacré aux technologies de l’information et de la communication.",
        ],
        facts: &[
            "En {year}, {n} chercheurs d’emploi ont suivi une formation qualifiante dans le secteur numérique.",
            "Le taux de sortie vers l’emploi des formations en développement web atteint {pct} % après un an.",
            "Un accord-cadre sectoriel a été conclu avec les partenaires sociaux du secteur informatique.",
        ],
        items: &[
            "les formations de développeur web",
            "les formations en cybersécurité",
            "les modules d’initiation à l’intelligence artificielle",
            "les formations en alternance dans les entreprises du secteur",
        ],
        orgs: &[
            "Bruxelles Formation",
            "Actiris",
            "digitalcity.brussels",
            "le VDAB",
            "Brupartners",
        ],
        counts: &[
            "stagiaires",
            "formations",
            "places de formation",
            "chercheurs d’emploi formés",
        ],
        goals: &[
            "répondre au mieux aux demandes du marché de l’emploi",
            "former les Bruxellois aux compétences numériques",
            "réduire la pénurie de profils informatiques",
        ],
        labels: &["Pôle Formation Emploi ICT", "Formation au codage"],
    },
    Topic {
        minister: 0,
        in_plan: true,
        key: "digital-inclusion",
        subjects: &[
            "la fracture numérique en Région bruxelloise",
            "le Plan d’Appropriation Numérique",
            "l’inclusion numérique des personnes âgées",
        ],
        objects: &[
            "le Plan d’Appropriation Numérique",
            "les espaces publics numériques",
            "l’accompagnement des publics éloignés du numérique",
            "le label des espaces publics numériques",
            "les guichets d’aide numérique dans les communes",
        ],
        context: &[
            "D’après le baromètre de la Fondation Roi Baudouin, {pct} % de la population belge reste vulnérable face au numérique.",
            "La digitalisation des services publics ne doit laisser personne de côté, en particulier les personnes âgées et les publics précarisés.",
            "Les associations de terrain constatent une hausse des demandes d’aide pour les démarches en ligne.",
        ],
        facts: &[
            "Le réseau compte aujourd’hui {n} espaces publics numériques labellisés répartis dans les dix-neuf communes.",
            "Le Plan d’Appropriation Numérique a été adopté en {year} et comporte {n2} actions.",
            "Une attention particulière est apportée au public féminin, davantage touché par la fracture numérique.",
        ],
        items: &[
            "l’ouverture de nouveaux espaces publics numériques",
            "la formation des aidants numériques",
            "la mise à disposition d’ordinateurs reconditionnés",
            "les permanences d’aide aux démarches en ligne",
        ],
        orgs: &[
            "Paradigm",
            "le CIRB",
            "CABAN",
            "la Fondation Roi Baudouin",
            "les CPAS",
        ],
        counts: &[
            "espaces publics numériques",
            "personnes accompagnées",
            "ordinateurs distribués",
        ],
        goals: &[
            "réduire la fracture numérique",
            "accompagner tous les citoyens dans la transition numérique",
            "garantir l’accès de tous aux services en ligne",
        ],
        labels: &["Appropriation numérique", "Réseau des EPN"],
    },
    Topic {
        minister: 0,
        in_plan: true,
        key: "once-only",
        subjects: &[
            "la simplification administrative et le principe once only",
            "la digitalisation des services publics",
            "les démarches administratives en ligne",
        ],
        objects: &[
            "la plateforme IRISbox",
            "le principe de collecte unique des données",
            "la facturation électronique",
            "les démarches administratives en ligne",
            "l’ordonnance «Bruxelles numérique»",
        ],
        context: &[
            "La Belgique n’occupe que la quinzième place européenne en matière de digitalisation des services publics.",
            "Les entreprises se plaignent de devoir transmettre plusieurs fois les mêmes informations à différentes administrations.",
            "Le Gouvernement vise à ce que toutes les démarches administratives soient accessibles en ligne d’ici la fin de la législature.",
        ],
        facts: &[
            "À ce jour, {n} démarches sont accessibles en ligne via IRISbox, et {pct} % des demandes sont introduites par voie électronique.",
            "La collecte unique des données (once only) est désormais appliquée pour les données d’identification des entreprises.",
            "La facturation électronique est obligatoire pour les marchés publics régionaux depuis {year}.",
        ],
        items: &[
            "les inscriptions scolaires",
            "les permis d’urbanisme",
            "la facturation électronique",
            "la collecte unique des données (Once Only)",
            "l’interface IRISbox pour la délivrance des documents administratifs",
        ],
        orgs: &[
            "easy.brussels",
            "Easy Brussels",
            "Paradigm",
            "le CIRB",
            "les communes",
        ],
        counts: &[
            "démarches",
            "formulaires",
            "factures électroniques",
            "demandes en ligne",
        ],
        goals: &[
            "diminuer les charges administratives",
            "faciliter les interactions entre les administrations et les entreprises",
            "rendre toutes les démarches accessibles en ligne",
        ],
        labels: &["Once only", "Guichet numérique unique"],
    },
    Topic {
        minister: 0,
        in_plan: true,
        key: "smart-city-ai",
        subjects: &[
            "le fonctionnement du Smart City Office",
            "l’utilisation de l’intelligence artificielle par les administrations",
            "la nouvelle gouvernance informatique régionale",
        ],
        objects: &[
            "le Smart City Office",
            "la stratégie régionale en intelligence artificielle",
            "les projets de big data",
            "la gouvernance IT régionale",
            "les capteurs urbains",
        ],
        context: &[
            "L’intelligence artificielle et le big data peuvent améliorer la gestion de la ville, à condition d’en maîtriser les risques.",
            "Dans votre réponse la plus récente, vous avez indiqué que la réflexion sur le rôle du Smart City Office avait été élargie.",
            "Plusieurs administrations testent des outils d’intelligence artificielle sans cadre régional commun.",
        ],
        facts: &[
            "Le Gouvernement a approuvé un nouveau modèle organisationnel et la création de trois organes de gouvernance informatique.",
            "Un comité d’éthique sur l’usage des algorithmes dans l’administration a été installé en {year}.",
            "Le portail smart city recense {n} initiatives locales et régionales.",
        ],
        items: &[
            "le portail smart city et son enrichissement",
            "un cadastre des initiatives smart locales et régionales",
            "des sessions d’inspiration smart city pour les administrations",
            "un living lab consacré aux capteurs de qualité de l’air",
        ],
        orgs: &["Paradigm", "le CIRB", "Innoviris", "perspective.brussels"],
        counts: &["projets", "capteurs", "initiatives"],
        goals: &[
            "favoriser les objectifs climatiques et la résilience urbaine",
            "mieux gérer la mobilité et l’énergie grâce aux données",
            "encadrer l’usage de l’intelligence artificielle",
        ],
        labels: &["Intelligence artificielle", "Smart City Office"],
    },
    Topic {
        minister: 1,
        in_plan: true,
        key: "creative-cluster",
        subjects: &[
            "le soutien au secteur du jeu vidéo",
            "le pôle de compétitivité dans les industries créatives",
            "les start-ups de l’économie digitale et créative",
        ],
        objects: &[
            "le pôle de compétitivité commun",
            "le cluster des industries créatives",
            "le secteur vidéoludique bruxellois",
            "les start-ups de l’économie créative",
        ],
        context: &[
            "Le secteur du jeu vidéo emploie plusieurs centaines de personnes à Bruxelles et connaît une croissance soutenue.",
            "Les industries créatives et culturelles sont en plein développement mais restent fragmentées entre les Régions.",
            "Un pôle de compétitivité commun aux Régions avait été annoncé pour renforcer ce secteur.",
        ],
        facts: &[
            "Le cluster compte aujourd’hui {n} membres, dont une majorité de très petites entreprises.",
            "Des discussions ont eu lieu avec les autres Régions en vue d’un financement conjoint.",
            "Un appel à projets destiné aux studios de jeux vidéo a été lancé en {year}.",
        ],
        items: &[
            "les studios de jeux vidéo",
            "les agences de design numérique",
            "les entreprises de production audiovisuelle",
            "les écoles et hautes écoles actives dans le secteur",
        ],
        orgs: &[
            "hub.brussels",
            "screen.brussels",
            "Innoviris",
            "Wallonie-Bruxelles International",
        ],
        counts: &["studios", "membres", "projets soutenus"],
        goals: &[
            "renforcer les liens entre régions",
            "accentuer le soutien aux industries créatives et culturelles",
        ],
        labels: &["Pôle de compétitivité commun", "Cluster créatif"],
    },
    Topic {
        minister: 0,
        in_plan: false,
        key: "employment-actiris",
        subjects: &[
            "l’accompagnement des chercheurs d’emploi par Actiris",
            "le taux d’emploi des jeunes Bruxellois",
            "les aides à l’emploi des chômeurs de longue durée",
        ],
        objects: &[
            "la garantie pour la jeunesse",
            "les contrats d’insertion",
            "l’accompagnement des chercheurs d’emploi",
            "les primes à l’embauche",
            "le dispositif Activa.brussels",
        ],
        context: &[
            "Le chômage des jeunes reste particulièrement élevé dans certains quartiers de la Région.",
            "Actiris a publié son rapport annuel, qui fait état d’une baisse du nombre de chercheurs d’emploi inoccupés.",
            "Les chômeurs de longue durée restent éloignés du marché du travail malgré la reprise économique.",
        ],
        facts: &[
            "Au {month} {year}, la Région comptait {n} chercheurs d’emploi inoccupés de moins de 25 ans.",
            "Le dispositif Activa.brussels a permis {n2} engagements au cours de l’année écoulée.",
            "Le conseiller référent d’Actiris reste l’interlocuteur unique du chercheur d’emploi tout au long de son parcours.",
        ],
        items: &[
            "les stages de transition en entreprise",
            "les contrats d’insertion dans les pouvoirs locaux",
            "les primes Activa.brussels",
            "le job coaching",
        ],
        orgs: &[
            "Actiris",
            "Bruxelles Formation",
            "les missions locales",
            "le VDAB",
        ],
        counts: &["chercheurs d’emploi", "contrats", "engagements", "stages"],
        goals: &["réduire le chômage des jeunes", "favoriser l’emploi local"],
        labels: &["Garantie jeunes", "Emploi local"],
    },
    Topic {
        minister: 0,
        in_plan: false,
        key: "animal-welfare",
        subjects: &[
            "la stérilisation des chats domestiques",
            "le bien-être animal dans les refuges",
            "les contrôles dans les animaleries",
        ],
        objects: &[
            "la stérilisation obligatoire des chats",
            "les refuges pour animaux",
            "les contrôles dans les animaleries",
            "le permis de détention d’animaux",
        ],
        context: &[
            "Les refuges bruxellois sont saturés et doivent régulièrement refuser des animaux abandonnés.",
            "La stérilisation obligatoire des chats est en vigueur depuis plusieurs années, mais son contrôle semble difficile.",
        ],
        facts: &[
            "En {year}, {n} contrôles ont été effectués par l’inspection du bien-être animal.",
            "Les refuges agréés ont reçu un subside de {amount} euros pour l’année {year}.",
        ],
        items: &[
            "les campagnes de sensibilisation",
            "les contrôles inopinés",
            "les subsides aux refuges agréés",
        ],
        orgs: &[
            "Bruxelles Environnement",
            "les refuges agréés",
            "le Conseil bruxellois du bien-être animal",
        ],
        counts: &["contrôles", "procès-verbaux", "animaux recueillis"],
        goals: &["améliorer le bien-être animal"],
        labels: &["Bien-être animal"],
    },
    Topic {
        minister: 3,
        in_plan: false,
        key: "mobility",
        subjects: &[
            "le réseau de pistes cyclables régionales",
            "la mise en œuvre du plan Good Move",
            "les zones 30 en Région bruxelloise",
        ],
        objects: &[
            "le plan Good Move",
            "les aménagements cyclables",
            "la généralisation des zones 30",
            "les parkings de dissuasion",
            "les mailles apaisées",
        ],
        context: &[
            "La part modale du vélo a fortement augmenté depuis la crise sanitaire, mais les aménagements ne suivent pas toujours.",
            "Plusieurs comités de quartier contestent les nouveaux plans de circulation des mailles apaisées.",
            "La sécurité routière reste une préoccupation majeure, en particulier aux abords des écoles.",
        ],
        facts: &[
            "{n} kilomètres de pistes cyclables sécurisées ont été aménagés depuis le début de la législature.",
            "Le nombre d’accidents avec blessés graves a diminué de {pct} % depuis l’instauration de la ville 30.",
            "Les comptages automatiques montrent une hausse continue du trafic cycliste sur les axes régionaux.",
        ],
        items: &[
            "la piste cyclable de la petite ceinture",
            "le réaménagement de la chaussée de Ninove",
            "les nouveaux arceaux vélos",
            "les boxes vélos de quartier",
        ],
        orgs: &[
            "Bruxelles Mobilité",
            "la STIB",
            "les communes",
            "parking.brussels",
        ],
        counts: &[
            "kilomètres",
            "accidents",
            "arceaux",
            "places de stationnement",
        ],
        goals: &[
            "améliorer la sécurité routière",
            "favoriser les modes actifs",
        ],
        labels: &["Plan vélo", "Ville 30"],
    },
    Topic {
        minister: 3,
        in_plan: false,
        key: "stib-procurement",
        subjects: &[
            "les marchés publics de la STIB",
            "l’acquisition de nouveaux bus électriques",
            "le marché public du futur métro nord",
        ],
        objects: &[
            "le marché public pour l’acquisition de bus électriques",
            "le cahier des charges du métro nord",
            "les pénalités de retard prévues dans le marché",
            "l’attribution du marché des nouvelles rames",
        ],
        context: &[
            "La STIB a attribué un important marché public pour l’achat de bus électriques, dont les livraisons accusent du retard.",
            "La presse a fait état de difficultés dans l’attribution du marché du futur métro nord.",
            "Le coût du métro nord ne cesse d’augmenter selon les derniers chiffres communiqués au conseil d’administration de la STIB.",
        ],
        facts: &[
            "Le marché a été attribué en {year} pour un montant de {amount} euros hors TVA.",
            "{n} bus électriques ont été livrés à ce jour, sur les {n2} prévus par le contrat.",
            "Les pénalités de retard sont appliquées conformément aux clauses du cahier des charges.",
        ],
        items: &[
            "les bus articulés électriques",
            "les rames de métro automatiques",
            "les bornes de recharge des dépôts",
            "la rénovation des stations",
        ],
        orgs: &["la STIB", "Beliris", "Bruxelles Mobilité"],
        counts: &["bus", "rames", "offres reçues", "soumissionnaires"],
        goals: &["moderniser le réseau de transport public"],
        labels: &["Métro nord", "Flotte électrique"],
    },
    Topic {
        minister: 4,
        in_plan: false,
        key: "housing",
        subjects: &[
            "la liste d’attente des logements sociaux",
            "l’allocation loyer",
            "la lutte contre les logements inoccupés",
        ],
        objects: &[
            "le plan d’urgence logement",
            "la liste d’attente des logements sociaux",
            "l’allocation loyer",
            "la rénovation des logements sociaux",
            "la lutte contre les logements inoccupés",
        ],
        context: &[
            "Plus de cinquante mille ménages sont inscrits sur la liste d’attente d’un logement social.",
            "Les loyers ont fortement augmenté à Bruxelles au cours des dernières années.",
            "Le plan d’urgence logement prévoyait la livraison de nombreux logements publics avant la fin de la législature.",
        ],
        facts: &[
            "{n} logements sociaux ont été livrés en {year}, et {n2} sont en chantier.",
            "L’allocation loyer a été octroyée à {n} ménages au cours de l’année écoulée.",
            "Les sociétés immobilières de service public ont reçu {amount} euros pour la rénovation de leur parc.",
        ],
        items: &[
            "la rénovation énergétique des logements sociaux",
            "l’acquisition de logements neufs",
            "la prise en gestion de logements inoccupés",
        ],
        orgs: &[
            "la SLRB",
            "le Fonds du Logement",
            "les SISP",
            "les agences immobilières sociales",
        ],
        counts: &["logements", "ménages", "demandes"],
        goals: &["augmenter l’offre de logements abordables"],
        labels: &["Plan d’urgence logement"],
    },
    Topic {
        minister: 2,
        in_plan: false,
        key: "air-pollution",
        subjects: &[
            "les pics de pollution aux particules fines",
            "la zone de basses émissions",
            "la qualité de l’air aux abords des écoles",
        ],
        objects: &[
            "les mesures prises en cas de pic de pollution",
            "la zone de basses émissions",
            "le réseau de stations de mesure de la qualité de l’air",
            "la qualité de l’air aux abords des écoles",
        ],
        context: &[
            "La Région a connu plusieurs pics de pollution aux particules fines au cours de l’hiver dernier.",
            "Le dioxyde d’azote dépasse encore les normes de l’Organisation mondiale de la santé sur plusieurs axes régionaux.",
            "La zone de basses émissions doit s’étendre à de nouvelles catégories de véhicules.",
        ],
        facts: &[
            "Le plan d’urgence a été activé {n} fois en {year} lors de pics de pollution.",
            "Les concentrations moyennes de dioxyde d’azote ont baissé de {pct} % depuis l’instauration de la zone de basses émissions.",
            "Les stations de mesure sont gérées par Bruxelles Environnement et les données sont publiées quotidiennement.",
        ],
        items: &[
            "la limitation de vitesse lors des pics",
            "la gratuité des transports publics",
            "les capteurs citoyens de qualité de l’air",
        ],
        orgs: &["Bruxelles Environnement", "CELINE", "la STIB"],
        counts: &[
            "stations de mesure",
            "jours de dépassement",
            "véhicules contrôlés",
        ],
        goals: &["améliorer la qualité de l’air"],
        labels: &["Zone de basses émissions"],
    },
    Topic {
        minister: 2,
        in_plan: false,
        key: "biodiversity",
        subjects: &[
            "la biodiversité dans les bâtiments",
            "la protection des martinets lors des rénovations",
            "les toitures vertes en Région bruxelloise",
        ],
        objects: &[
            "les nichoirs intégrés aux bâtiments",
            "la protection des espèces lors de la rénovation du bâti",
            "le maillage vert",
            "les toitures vertes",
        ],
        context: &[
            "La rénovation énergétique des bâtiments menace les sites de nidification des martinets et des hirondelles.",
            "Bruxelles Environnement recommande d’intégrer des nichoirs dans les façades lors des rénovations.",
            "La biodiversité urbaine recule malgré les efforts consentis dans les parcs régionaux.",
        ],
        facts: &[
            "{n} nichoirs ont été installés sur des bâtiments publics depuis {year}.",
            "Un guide à destination des architectes sur la biodiversité dans le bâtiment a été publié.",
            "Les primes pour les toitures vertes ont été octroyées à {n2} demandeurs.",
        ],
        items: &[
            "les nichoirs à martinets",
            "les toitures végétalisées",
            "les façades vertes",
            "les mares urbaines",
        ],
        orgs: &["Bruxelles Environnement", "Natagora", "urban.brussels"],
        counts: &["nichoirs", "primes", "hectares"],
        goals: &["protéger la biodiversité urbaine"],
        labels: &["Maillage vert"],
    },
    Topic {
        minister: 2,
        in_plan: false,
        key: "energy-renovation",
        subjects: &[
            "la stratégie de rénovation énergétique RENOLUTION",
            "les primes énergie",
            "le certificat PEB des logements",
        ],
        objects: &[
            "la stratégie RENOLUTION",
            "les primes à la rénovation énergétique",
            "le certificat de performance énergétique des bâtiments",
            "le guichet de la rénovation",
        ],
        context: &[
            "La performance énergétique du bâti bruxellois reste parmi les plus faibles d’Europe.",
            "Les ménages peinent à s’y retrouver dans les différentes primes à la rénovation.",
        ],
        facts: &[
            "{n} primes RENOLUTION ont été octroyées en {year} pour un montant de {amount} euros.",
            "Le délai moyen de traitement d’une demande de prime est de {n2} jours.",
        ],
        items: &[
            "l’isolation des toitures",
            "le remplacement des chaudières",
            "les panneaux photovoltaïques",
        ],
        orgs: &["Bruxelles Environnement", "Homegrade", "Sibelga"],
        counts: &["primes", "demandes", "audits"],
        goals: &["réduire les émissions de gaz à effet de serre des bâtiments"],
        labels: &["Rénovation énergétique"],
    },
    Topic {
        minister: 6,
        in_plan: false,
        key: "cleanliness",
        subjects: &[
            "les dépôts clandestins",
            "la propreté publique dans les quartiers centraux",
            "la collecte des déchets organiques",
        ],
        objects: &[
            "la lutte contre les dépôts clandestins",
            "la collecte des déchets organiques",
            "les sanctions administratives en matière de propreté",
            "les parcs à conteneurs mobiles",
        ],
        context: &[
            "Les dépôts clandestins se multiplient dans certains quartiers, malgré les campagnes de sensibilisation.",
            "La collecte obligatoire des déchets organiques suscite des questions chez de nombreux habitants.",
        ],
        facts: &[
            "Bruxelles-Propreté a enlevé {n} tonnes de dépôts clandestins en {year}.",
            "{n2} sanctions administratives ont été infligées pour des infractions en matière de propreté.",
        ],
        items: &[
            "les caméras de surveillance mobiles",
            "les recyparks mobiles",
            "les campagnes de sensibilisation dans les écoles",
        ],
        orgs: &[
            "Bruxelles-Propreté",
            "les communes",
            "Bruxelles Environnement",
        ],
        counts: &["tonnes", "sanctions", "collectes"],
        goals: &["améliorer la propreté publique"],
        labels: &["Plan propreté"],
    },
    Topic {
        minister: 6,
        in_plan: false,
        key: "tourism",
        subjects: &[
            "la relance du tourisme après la crise sanitaire",
            "la fréquentation des musées bruxellois",
        ],
        objects: &[
            "la relance du tourisme",
            "le tourisme d’affaires",
            "les campagnes de promotion de visit.brussels",
        ],
        context: &[
            "Le secteur touristique a été durement touché par la crise sanitaire.",
            "Le nombre de nuitées dans les hôtels bruxellois reste inférieur à son niveau d’avant la crise.",
        ],
        facts: &[
            "Le nombre de nuitées a atteint {n} mille en {year}.",
            "visit.brussels a consacré {amount} euros à des campagnes de promotion internationale.",
        ],
        items: &[
            "les campagnes internationales",
            "le Brussels Card",
            "les salons professionnels",
        ],
        orgs: &["visit.brussels", "hub.brussels"],
        counts: &["nuitées", "visiteurs", "congrès"],
        goals: &["relancer le tourisme"],
        labels: &["Relance du tourisme"],
    },
    Topic {
        minister: 7,
        in_plan: false,
        key: "urban-planning",
        subjects: &[
            "les délais de délivrance des permis d’urbanisme",
            "la restauration du patrimoine classé",
            "la plateforme MyPermit",
        ],
        objects: &[
            "la délivrance des permis d’urbanisme",
            "la plateforme MyPermit",
            "la restauration du patrimoine classé",
            "le règlement régional d’urbanisme",
        ],
        context: &[
            "Les délais de délivrance des permis d’urbanisme restent longs, ce qui freine de nombreux projets.",
            "La numérisation des demandes de permis devait accélérer les procédures.",
        ],
        facts: &[
            "{n} demandes de permis ont été introduites via MyPermit en {year}.",
            "Le délai moyen de délivrance d’un permis est de {n2} jours.",
        ],
        items: &[
            "les permis d’urbanisme",
            "les certificats d’urbanisme",
            "les primes patrimoine",
        ],
        orgs: &[
            "urban.brussels",
            "les communes",
            "la Commission royale des Monuments et des Sites",
        ],
        counts: &["permis", "demandes", "recours"],
        goals: &["accélérer la délivrance des permis"],
        labels: &["MyPermit"],
    },
    Topic {
        minister: 7,
        in_plan: false,
        key: "emergency",
        subjects: &[
            "les délais d’intervention du SIAMU",
            "le recrutement de pompiers",
        ],
        objects: &[
            "les délais d’intervention du SIAMU",
            "le recrutement de pompiers",
            "la nouvelle caserne de la zone nord",
        ],
        context: &[
            "Les syndicats des pompiers dénoncent un manque d’effectifs au SIAMU.",
            "Les délais d’intervention des ambulances dépassent parfois les normes fixées.",
        ],
        facts: &[
            "Le SIAMU a effectué {n} interventions en {year}.",
            "{n2} pompiers ont été recrutés au cours de l’année écoulée.",
        ],
        items: &["les ambulances", "les autopompes", "les casernes"],
        orgs: &["le SIAMU", "le SPF Intérieur"],
        counts: &["interventions", "pompiers", "ambulanciers"],
        goals: &["améliorer les délais d’intervention"],
        labels: &["Plan SIAMU"],
    },
    Topic {
        minister: 5,
        in_plan: false,
        key: "public-service",
        subjects: &[
            "le télétravail dans la fonction publique régionale",
            "le recrutement dans les administrations régionales",
            "le bilinguisme des agents régionaux",
        ],
        objects: &[
            "le télétravail des agents régionaux",
            "le recrutement via talent.brussels",
            "les examens linguistiques",
            "les outils informatiques des agents",
        ],
        context: &[
            "Depuis la crise sanitaire, le télétravail s’est généralisé dans les administrations régionales.",
            "Les administrations régionales peinent à recruter certains profils, notamment bilingues.",
        ],
        facts: &[
            "{pct} % des agents régionaux télétravaillent au moins deux jours par semaine.",
            "talent.brussels a organisé {n} sélections en {year}.",
        ],
        items: &[
            "les sélections statutaires",
            "les examens linguistiques",
            "les formations des agents",
        ],
        orgs: &["talent.brussels", "le SPRB", "SELOR"],
        counts: &["agents", "sélections", "candidats"],
        goals: &["moderniser la fonction publique régionale"],
        labels: &["Fonction publique"],
    },
    Topic {
        minister: 5,
        in_plan: false,
        key: "budget",
        subjects: &[
            "l’évolution de la dette régionale",
            "l’exécution du budget régional",
        ],
        objects: &[
            "la dette régionale",
            "l’exécution du budget",
            "les recettes fiscales régionales",
        ],
        context: &[
            "La Cour des comptes a formulé plusieurs remarques sur l’exécution du budget régional.",
            "La dette régionale a fortement augmenté au cours de la législature.",
        ],
        facts: &[
            "La dette consolidée s’élevait à {amount} milliers d’euros fin {year}.",
            "Le taux d’exécution des crédits d’engagement atteint {pct} %.",
        ],
        items: &[
            "les crédits d’engagement",
            "les crédits de liquidation",
            "les recettes fiscales",
        ],
        orgs: &["la Cour des comptes", "Bruxelles Finances et Budget"],
        counts: &["millions d’euros", "crédits"],
        goals: &["maîtriser la dette régionale"],
        labels: &["Trajectoire budgétaire"],
    },
    Topic {
        minister: 4,
        in_plan: false,
        key: "equal-opportunities",
        subjects: &[
            "la lutte contre les discriminations à l’embauche",
            "les tests de situation",
        ],
        objects: &[
            "les tests de situation",
            "la lutte contre les discriminations à l’embauche",
            "les plans de diversité des entreprises",
        ],
        context: &[
            "Les discriminations à l’embauche restent une réalité pour de nombreux Bruxellois.",
            "Les tests de situation ont été rendus possibles par une ordonnance récente.",
        ],
        facts: &[
            "{n} tests de situation ont été réalisés par l’inspection régionale de l’emploi en {year}.",
            "{n2} entreprises ont adopté un plan de diversité.",
        ],
        items: &[
            "les plans de diversité",
            "les tests de situation",
            "les formations des recruteurs",
        ],
        orgs: &["equal.brussels", "Unia", "Actiris"],
        counts: &["tests", "plans de diversité", "plaintes"],
        goals: &["lutter contre les discriminations"],
        labels: &["Égalité des chances"],
    },
    Topic {
        minister: 1,
        in_plan: false,
        key: "circular-economy",
        subjects: &[
            "le programme régional en économie circulaire",
            "le soutien aux commerces de proximité",
        ],
        objects: &[
            "le programme régional en économie circulaire",
            "le soutien aux commerces de proximité",
            "les primes à l’économie sociale",
        ],
        context: &[
            "L’économie circulaire est présentée comme un levier de création d’emplois locaux.",
            "Les commerces de proximité souffrent de la concurrence des grandes surfaces et de la vente en ligne.",
        ],
        facts: &[
            "{n} entreprises ont bénéficié d’un accompagnement en économie circulaire en {year}.",
            "Le budget du programme atteint {amount} euros pour la période.",
        ],
        items: &[
            "les ressourceries",
            "les ateliers de réparation",
            "les marchés de producteurs",
        ],
        orgs: &["hub.brussels", "Bruxelles Environnement", "Innoviris"],
        counts: &["entreprises", "projets", "emplois"],
        goals: &["créer des emplois locaux dans l’économie circulaire"],
        labels: &["Économie circulaire"],
    },
];

/// Introductory sentences that fit any topic: `{obj}` and friends are filled from the topic.
pub const INTRO_GENERIC: &[&str] = &[
    "Dans sa déclaration de politique générale, le Gouvernement s’est engagé à améliorer {obj}.",
    "Selon plusieurs articles de presse parus en {year}, {obj} connaîtrait d’importants retards.",
    "Lors de la discussion budgétaire, vous avez évoqué {obj}, sans toutefois préciser le calendrier de sa mise en œuvre.",
    "Un rapport récent {de_org} consacré {a_obj} pointe plusieurs difficultés.",
    "Les acteurs de terrain attendent des signaux clairs de la part du Gouvernement sur ce dossier.",
    "La crise sanitaire a mis en lumière l’importance {de_obj}.",
    "Plusieurs communes ont pris des initiatives, mais une coordination régionale semble faire défaut.",
    "Dans votre réponse à une précédente question (QE n°\u{a0}{k}), vous indiquiez qu’une évaluation {de_obj} était prévue en {year}.",
    "Il me revient que la réflexion sur {obj} a associé {org}, sans que les conclusions aient été rendues publiques.",
    "Le sujet a fait l’objet d’un débat en commission, au cours duquel plusieurs questions sont restées sans réponse.",
    "Comme le soulignent les acteurs de terrain, «il est urgent d’agir de manière coordonnée» dans ce domaine.",
    "Les chiffres publiés récemment montrent une évolution préoccupante.",
    "Ce dossier est suivi de près par les acteurs économiques et sociaux de la Région.",
    "La Région dispose pourtant de leviers importants pour agir dans ce domaine.",
    "D’autres Régions ont déjà adopté des mesures comparables, avec des résultats encourageants.",
    "Les moyens consacrés {a_obj} semblent insuffisants au regard des besoins.",
    "L’accord de majorité prévoit explicitement des avancées en la matière.",
];

pub const TRANSITIONS: &[&str] = &[
    "Je voudrais dès lors vous poser les questions suivantes :",
    "{address}, permettez que je vous pose les questions suivantes :",
    "Dès lors, j’aimerais vous poser les questions suivantes :",
    "Mes questions sont les suivantes :",
    "Je souhaiterais donc obtenir les précisions suivantes :",
];

pub const SUB_QUESTIONS: &[&str] = &[
    "Pouvez-vous faire le point sur {obj} ? Quels résultats concrets ont déjà été obtenus ?",
    "Quel budget a été consacré {a_obj} en {year} ? Quelle est la ventilation de ce montant par organisme ?",
    "Quel est le calendrier prévu pour la mise en œuvre {de_obj} ? Quelles sont les prochaines étapes ?",
    "Quels acteurs sont associés {a_obj} ? Avez-vous associé {org} à la réflexion ?",
    "Combien {de_count} ont été enregistrés en {year} et en {next_year} ? Pouvez-vous ventiler ces chiffres par commune ?",
    "Une évaluation {de_obj} a-t-elle été réalisée ? Dans l’affirmative, quelles en sont les conclusions ?",
    "Avez-vous eu des contacts avec vos collègues des autres entités à ce sujet ? Sur quelles conclusions ces contacts ont-ils débouché ?",
    "Comment comptez-vous assurer le suivi {de_obj} ? Des indicateurs ont-ils été définis ?",
    "Quelles mesures comptez-vous prendre pour améliorer {obj} ?",
    "Avez-vous déjà examiné la possibilité de renforcer {obj} ? Quel calendrier prévoyez-vous à cette fin ?",
    "Quelle est la position du Gouvernement concernant {obj} ? Une concertation avec {org} est-elle prévue ?",
    "Combien d’équivalents temps plein sont affectés {a_obj} ?",
];

/// Answer sentences, grouped by the delivery cue they carry.
pub const ANSWER_DELIVERED: &[&str] = &[
    "Le projet relatif {a_obj} a été lancé en {month} {year}.",
    "Le Gouvernement a approuvé le {day} {month} {year} une note d’orientation relative {a_obj}.",
    "Un comité de suivi a été mis en place avec {org} afin d’assurer la bonne exécution des objectifs.",
    "La première phase a été finalisée en {year} et les résultats ont été présentés aux partenaires.",
    "Un marché public a été attribué en {year} et la nouvelle solution est opérationnelle depuis {month}.",
    "L’arrêté d’exécution a été adopté en {year} et publié au Moniteur belge.",
    "La plateforme a été mise en ligne en {month} {year} et compte déjà {n} utilisateurs réguliers.",
    "Cet objectif a été atteint à la fin de l’année {year}.",
];
pub const ANSWER_IN_PROGRESS: &[&str] = &[
    "Les travaux relatifs {a_obj} sont en cours et devraient aboutir en {next_year}.",
    "Mes services travaillent actuellement avec {org} sur {obj}.",
    "Le projet est en phase de test auprès de {n} utilisateurs.",
    "Ce soutien continuera en {next_year}, en concertation avec {org}.",
    "Pour l’instant, mes équipes travaillent intensément à la mise en œuvre de ces mesures.",
    "La concertation avec {org} se poursuit et un premier rapport intermédiaire est attendu.",
    "Le déploiement se poursuit progressivement dans l’ensemble des administrations régionales.",
    "Un groupe de travail réunissant {org} et mon administration se réunit tous les mois.",
    "Les premiers résultats sont encourageants et le projet sera étendu en {next_year}.",
];
pub const ANSWER_ANNOUNCED: &[&str] = &[
    "Une étude sera lancée en {next_year} afin d’objectiver la situation.",
    "Il est prévu de présenter au Gouvernement une proposition relative {a_obj} d’ici la fin de l’année.",
    "Nous analysons actuellement les différentes options avant de décider de la suite à donner.",
    "Un appel à projets sera publié au cours du premier semestre {next_year}.",
    "Une réflexion sera menée avec {org} afin de définir les priorités.",
    "Une note sera soumise au Gouvernement dans les prochains mois.",
    "Le calendrier précis sera fixé après la concertation avec les partenaires.",
    "Il est envisagé d’étendre le dispositif à d’autres publics à partir de {next_year}.",
];
pub const ANSWER_STALLED: &[&str] = &[
    "Ce dossier a été reporté en raison de contraintes budgétaires.",
    "Le projet est suspendu dans l’attente d’un accord avec l’autorité fédérale.",
    "Cette matière ne relève pas des compétences régionales ; je vous invite à interroger le ministre fédéral compétent.",
    "Les Régions ne sont incluses ni dans la réflexion ni dans la mise en œuvre.",
    "Faute de candidats, le marché a dû être relancé et le calendrier initial n’a pas pu être tenu.",
    "Le recours introduit devant le Conseil d’État a suspendu la procédure.",
    "Le projet n’a pas pu être mené à bien dans les délais initialement prévus.",
    "Compte tenu de la situation budgétaire, aucun moyen supplémentaire n’est prévu à ce stade.",
];
pub const ANSWER_NEUTRAL: &[&str] = &[
    "En {year}, {n} {count} ont été recensés, contre {n2} l’année précédente.",
    "Le budget alloué s’élève à {amount} euros.",
    "Je vous renvoie également à ma réponse à la question écrite n°\u{a0}{k}, qui reste d’actualité.",
    "Selon moi, il est essentiel d’inscrire notre action dans un cadre de coopération avec les différents niveaux de pouvoir.",
    "Il importe de souligner que {obj} doit rester accessible à tous les Bruxellois.",
    "Pour votre information, mon cabinet a rencontré {org} à plusieurs reprises à ce sujet.",
    "Je vous invite à vous adresser {a_colleague} pour connaître plus en détail les mesures envisagées.",
    "Les chiffres pour {next_year} ne sont pas encore consolidés.",
    "Les moyens humains consacrés à ce dossier ont été renforcés au sein de l’administration.",
    "Une concertation régulière est organisée avec les communes afin d’harmoniser les pratiques.",
    "Les résultats détaillés figurent dans le rapport annuel, disponible sur le site de l’administration.",
    "Il convient de rappeler que cette matière fait l’objet d’une compétence partagée entre plusieurs niveaux de pouvoir.",
    "Le Gouvernement reste attentif à l’évolution de la situation et adaptera ses mesures si nécessaire.",
    "Ces chiffres doivent être interprétés avec prudence, compte tenu des effets de la crise sanitaire.",
    "Une évaluation intermédiaire a été présentée au comité de pilotage en {month} {year}.",
    "Je ne dispose pas de données ventilées par commune.",
    "Les montants engagés en {year} s’élèvent à {amount} euros, dont {pct} % ont déjà été liquidés.",
    "À ce stade, {n} dossiers ont été introduits et {n2} ont reçu une réponse favorable.",
    "Le cadre réglementaire applicable a été précisé par un arrêté du Gouvernement.",
];
pub const ANSWER_LIST_INTROS: &[&str] = &[
    "Voici quelques exemples de projets concrets réalisés :",
    "Les principales mesures sont les suivantes :",
    "Depuis {year}, les actions suivantes ont été menées :",
    "Les projets prioritaires pour {next_year} sont les suivants :",
];
pub const ANSWER_HEADINGS: &[&str] = &[
    "Concernant {obj}",
    "En ce qui concerne {obj}",
    "Quant {a_obj}",
];
pub const RUN_ONS: &[&str] = &[
    "Il y a quelque temps, je vous ai interrogé{e} sur {obj} (cf. QE n°\u{a0}{k} et n°\u{a0}{k2}).",
    "Cette question fait suite à ma question écrite n°\u{a0}{k}.",
    "Le sujet revient régulièrement dans l’actualité.",
    "Je reviens vers vous au sujet {de_obj}.",
];

pub const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// Plan titles and intro sentences.
pub const PLAN_TITLES: &[&str] = &[
    "Assurer la transition numérique et durable de l’économie bruxelloise",
    "Faire de Bruxelles une Région inclusive, verte et connectée",
    "Accélérer la transition économique et sociale de la Région",
    "Moderniser l’action publique au service des Bruxellois",
];
pub const PLAN_INTRO: &[&str] = &[
    "Le Gouvernement souhaite mettre en œuvre une politique ambitieuse, transversale et inclusive.",
    "L’impact de la digitalisation sur notre économie est réel. Il s’agit donc de mettre en œuvre une politique transversale, prenant en compte les nombreux enjeux concernés.",
    "Le Gouvernement s’assurera également que la transition soit inclusive, permettant ainsi à toutes les Bruxelloises et tous les Bruxellois, quel que soit leur parcours, de profiter des opportunités créées.",
    "Par ailleurs, les nouvelles technologies étant par définition en constante évolution, leur maîtrise requiert des connaissances et compétences spécifiques.",
    "La transition climatique, la qualité de vie dans les quartiers et l’accès à l’emploi sont au cœur de cette priorité.",
    "Chaque action fera l’objet d’un suivi régulier par le comité de pilotage, sur la base d’indicateurs partagés.",
];
pub const PLAN_AXIS_TITLES: &[&str] = &[
    "Accélérer {obj}",
    "Soutenir {obj}",
    "Renforcer {obj}",
    "Politique en matière {de_obj}",
    "Améliorer {obj}",
    "Développer {obj}",
];
pub const PLAN_ACTIONS: &[&str] = &[
    "Soutenir {obj} afin {de_goal}.",
    "Mettre en place {obj} en collaboration avec {org}.",
    "Evaluation {de_obj} et élaboration d’un nouveau plan d’action. L’évaluation vérifiera que l’action permet {de_goal}.",
    "Renforcer {obj} en vue {de_goal}, notamment via {obj2}.",
    "Lancement {de_obj}, sur base de la conclusion d’un accord-cadre préalable avec {org}.",
    "Organiser {obj} pour {goal}. Une attention particulière sera apportée aux publics les plus fragiles.",
    "Stimuler {obj} en vue {de_goal}.",
    "Faciliter et accélérer {obj} afin {de_goal} (notamment via {obj2}).",
];
pub const PLAN_LABELED: &[&str] = &[
    "Afin {de_goal}, la Région privilégiera {obj}, à partir de financements régionaux conjoints.",
    "Il s’agit {de_goal}, en s’appuyant sur {obj} et sur {org}.",
    "Cette initiative permettra {de_goal}, en s’appuyant sur {obj}.",
];
pub const PLAN_AXIS_DESCRIPTIONS: &[&str] = &[
    "Mettre en place une politique régionale ambitieuse en matière {de_obj} :",
    "Améliorer {obj} par la transition numérique :",
    "Les actions suivantes seront menées en priorité :",
];

/// Partners as plans list them: name and optional qualifier.
pub const PLAN_PARTNERS: &[&str] = &[
    "CIRB",
    "Easy Brussels (SPRB)",
    "ITCO (SPRB)",
    "Brupartners/Service de facilitation sectorielle",
    "BRUXEO (pour le volet e-santé)",
    "Hub.Brussels",
    "Actiris",
    "Bruxelles Formation",
    "Innoviris",
    "Bruxelles Environnement",
    "Bruxelles Mobilité (SPRB)",
    "STIB",
    "SLRB",
    "Bruxelles-Propreté",
    "visit.brussels",
    "urban.brussels",
    "perspective.brussels",
    "talent.brussels",
    "SIAMU",
    "Paradigm (anciennement CIRB)",
];
