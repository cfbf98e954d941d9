//! Every field of every seed, checked with literal values written from reading the seed files
//! (not from the reader's output). Long texts are checked by their start and end.

mod common;

use chrono::NaiveDate;
use vigie_core::{Act, Document, Minister, Partner, PassageKind, Plan, Question};

const CLERFAYT: &str = "Ministre du Gouvernement de la Région de Bruxelles-Capitale chargé de l'Emploi et de la \
                        Formation professionnelle, de la Transition numérique, des Pouvoirs locaux et du Bien-Être animal";

fn question(seed: &str) -> Question {
    match common::seed(seed) {
        Document::Question(q) => q,
        Document::Plan(_) => panic!("seed {seed} is a question"),
    }
}

fn plan() -> Plan {
    match common::seed("002") {
        Document::Plan(p) => p,
        Document::Question(_) => panic!("seed 002 is the plan"),
    }
}

fn date(d: u32, m: u32, y: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn act(d: u32, m: u32, y: i32, label: &str, reference: &str) -> Act {
    Act {
        date: date(d, m, y),
        label: label.into(),
        reference: Some(reference.into()),
        person: None,
        url: None,
    }
}

/// Checks the header fields shared by the question seeds.
#[allow(clippy::too_many_arguments)]
fn header(
    q: &Question,
    session: &str,
    number: u32,
    subject: &str,
    author: &str,
    dates: [Option<NaiveDate>; 3],
    acts: &[Act],
) {
    assert_eq!(q.legislature, "19/24");
    assert_eq!(q.session, session);
    assert_eq!(q.number, number);
    assert_eq!(q.subject, subject);
    assert_eq!(q.author, author);
    assert_eq!(
        q.addressee,
        Minister {
            name: Some("Bernard Clerfayt".into()),
            portfolio: CLERFAYT.into()
        }
    );
    assert_eq!(q.addressee_key(), "Clerfayt");
    assert_eq!([q.received, q.published, q.answered], dates);
    assert_eq!(q.acts, acts);
}

/// (kind, heading, start of text, end of text) for each passage, in order.
type Expected<'a> = (PassageKind, Option<&'a str>, &'a str, &'a str);

fn passages(q: &Question, expected: &[Expected<'_>]) {
    assert_eq!(q.passages.len(), expected.len(), "number of passages");
    for (i, (p, (kind, heading, start, end))) in q.passages.iter().zip(expected).enumerate() {
        let position = u32::try_from(i + 1).unwrap();
        assert_eq!(p.position, position);
        assert_eq!(p.kind, *kind, "passage {position}");
        assert_eq!(p.heading.as_deref(), *heading, "passage {position}");
        assert!(
            p.text.starts_with(start),
            "passage {position} starts {:?}",
            &p.text[..p.text.len().min(80)]
        );
        assert!(
            p.text.ends_with(end),
            "passage {position} ends {:?}",
            p.text
        );
    }
}

use PassageKind::{Answer, QuestionIntro, SubQuestion};

#[test]
fn seed_000_task_force() {
    let q = question("000");
    header(
        &q,
        "19/20",
        252,
        "l’examen d’une éventuelle task force numérique face à la crise du coronavirus",
        "Bianca Debaets",
        [date(23, 4, 2020), date(11, 6, 2020), date(11, 6, 2020)],
        &[act(29, 4, 2020, "Recevable", "p.m.")],
    );
    passages(
        &q,
        &[
            (
                QuestionIntro,
                None,
                "Face à la crise du coronavirus, une task force dénommée «\u{a0}Flanders Fully Digital\u{a0}»",
                "coordonnée.\u{a0}»\n\nJe voudrais dès lors vous poser les questions suivantes :",
            ),
            (
                SubQuestion,
                None,
                "Avez-vous déjà examiné la possibilité",
                "associés aux différentes étapes\u{a0}?",
            ),
            (
                SubQuestion,
                None,
                "Avez-vous déjà eu des contacts",
                "task force numérique bruxelloise\u{a0}?",
            ),
            (
                SubQuestion,
                None,
                "Vu son expertise,",
                "avec le fédéral à cet égard\u{a0}?",
            ),
            (
                Answer,
                Some(
                    "Concernant les possibilités de mettre en place une task force numérique à Bruxelles",
                ),
                "Pour l’instant mes équipes travaillent intensément",
                "transition numériques des entreprises bruxelloises.",
            ),
            (
                Answer,
                Some(
                    "Concernant la prise en contact avec les collègues du gouvernement flamand pour mieux connaître \
                     les détails de l’initiative “Vlaanderen Helemaal Digitaal”",
                ),
                "Pour votre information, mon cabinet a pris contact avec l’AIV",
                "avant de décider de la création d’une nouvelle task force.",
            ),
            (
                Answer,
                Some("Concernant la coopération avec le gouvernement fédéral."),
                "Je vous confirme que les membres de mon cabinet",
                "avec les différents niveaux de pouvoirs.",
            ),
        ],
    );
    // Part 1 keeps its three paragraphs.
    assert_eq!(q.passages[4].text.matches("\n\n").count(), 2);
}

#[test]
fn seed_001_interministerial_conference() {
    let q = question("001");
    header(
        &q,
        "22/23",
        1176,
        "la création d’une conférence interministérielle chargée du digital",
        "Latifa Aït Baala",
        [date(17, 5, 2023), date(26, 6, 2023), date(19, 6, 2023)],
        &[act(23, 5, 2023, "Recevable", "Bureau élargi du Parlement")],
    );
    passages(
        &q,
        &[
            (
                QuestionIntro,
                None,
                "Le secrétaire d’État à la Digitalisation au gouvernement fédéral",
                "« Dix ambitions pour dix licornes en 2030\u{a0}».",
            ),
            (
                SubQuestion,
                None,
                "Comment s’inscrit la Région bruxelloise",
                "en matière de politique digitale\u{a0}?",
            ),
            (
                SubQuestion,
                None,
                "D’après le baromètre de la Fondation Roi Baudouin",
                "possède une influence\u{a0}?",
            ),
            (
                Answer,
                None,
                "Les DIGITAL MINDS relèvent d'une initiative",
                "ni dans la réflexion ni dans la mise en œuvre.",
            ),
            (
                Answer,
                None,
                "En Région bruxelloise, en 2021 le premier Plan d’Appropriation Numérique (PAN)",
                "des événements au niveau belge et européen.",
            ),
        ],
    );
    // The list of networks stays inside part 2, one line per item.
    let part2 = &q.passages[4].text;
    assert!(
        part2.contains(
            "\n- Réseau Women In Tech/Women in Business (lead 1819) – Région bruxelloise\n"
        )
    );
    assert!(part2.contains("\n- Réseau Metropolis – Europe\n\nCette coordination"));
    assert_eq!(part2.lines().filter(|l| l.starts_with("- ")).count(), 8);
}

#[test]
fn seed_003_smart_city_office_subject_runs_on() {
    let q = question("003");
    header(
        &q,
        "20/21",
        619,
        "le point sur le fonctionnement du Smart City Office et l’élaboration d’un plan d’action",
        "Bianca Debaets",
        [date(24, 2, 2021), date(26, 3, 2021), date(26, 3, 2021)],
        &[act(9, 3, 2021, "Recevable", "p.m.")],
    );
    passages(
        &q,
        &[
            (
                QuestionIntro,
                None,
                "Il y a quelque temps, je vous ai interrogé sur le renforcement et l’évaluation du Smart City \
                 Office (cf. QE n°\u{a0}125 et n°\u{a0}467).\n\nDans votre réponse la plus récente,",
                "Je voudrais dès lors vous poser les questions suivantes :",
            ),
            (
                SubQuestion,
                None,
                "Pouvez-vous faire le point sur la réflexion susmentionnée",
                "en dire plus\u{a0}?",
            ),
            (
                SubQuestion,
                None,
                "Pouvez-vous faire le point sur les projets",
                "réponse précédente\u{a0}?",
            ),
            (
                SubQuestion,
                None,
                "Pouvez-vous faire le point sur l’élaboration",
                "prévus à cet effet\u{a0}?",
            ),
            (
                Answer,
                None,
                "Cette réflexion est inclue dans la mise en œuvre d'une nouvelle gouvernance IT régionale.",
                "liés à la transition numérique de la Région.",
            ),
            (
                Answer,
                None,
                "Depuis 2019, le Smart City Office a travaillé sur:\n- le portail smart city",
                "\n- représentation officielle de la smart city (Smart City World Congress de Barcelone, ...)",
            ),
            (
                Answer,
                None,
                "Sachez d’ores et déjà que ce qui a été fait en 2020 continuera en 2021.",
                "à travers différents comités transversaux.",
            ),
        ],
    );
    assert_eq!(
        q.passages[5].text.lines().count(),
        9,
        "the heading line and 8 bullets"
    );
}

#[test]
fn seed_004_digitalisation_of_public_services() {
    let q = question("004");
    header(
        &q,
        "19/20",
        38,
        "la digitalisation des services publics",
        "Aurélie Czekalski",
        [date(4, 11, 2019), date(12, 12, 2019), date(12, 12, 2019)],
        &[act(12, 11, 2019, "Recevable", "p.m.")],
    );
    passages(
        &q,
        &[
            (
                QuestionIntro,
                None,
                "La Belgique est actuellement le quinzième pays européen",
                "\n\nMonsieur le Ministre, permettez que je vous pose les questions suivantes\u{a0}:",
            ),
            (
                SubQuestion,
                None,
                "Pour quand est prévue la digitalisation intégrale",
                "bruxellois\u{a0}?",
            ),
            (
                SubQuestion,
                None,
                "Quels sont les moyens prévus à cet effet",
                "effet\u{a0}?",
            ),
            (
                SubQuestion,
                None,
                "Quels sont les projets prioritaires",
                "prioritaires\u{a0}?",
            ),
            (
                SubQuestion,
                None,
                "Quels sont les projets de digitalisation en matière d’emploi",
                "emploi\u{a0}?",
            ),
            (
                Answer,
                None,
                "La digitalisation des services publics représente un défi considérable.",
                "administrations.",
            ),
            (
                Answer,
                None,
                "Notre objectif est de viser pour la fin de la législature",
                "accessibles en ligne,.",
            ),
            (Answer, None, "Il importe de souligner", "au format papier."),
            (
                Answer,
                None,
                "Une partie significative des budgets d’easy.brussels (total 1.150.000€)",
                "réalisés:\n- Nova : 1.750 K€\n- IRISbox : 1.200 K€\n- Fidus 1.000 K€\n- District Team 900 K€",
            ),
            (
                Answer,
                None,
                "A cela s’ajoute les budgets dégagés par chaque administration.",
                "administration.",
            ),
            (
                Answer,
                None,
                "Nous travaillons notamment sur les projets prioritaires suivants",
                "documents administratifs.",
            ),
            (
                Answer,
                None,
                "Les projets de digitalisation en matière d’emploi pour 2020\u{a0}sont les suivants:\nChez Actiris\n· Le Dossier unique",
                "(notamment les pièces justificatives).",
            ),
            (
                Answer,
                None,
                "Chez Bruxelles Economie et Emploi\n· « Mon BEE »",
                "par ce canal numérique.",
            ),
            (
                Answer,
                None,
                "Notons qu’en 2020 ces différents projets",
                "lancement, mise en œuvre, finalisation…",
            ),
        ],
    );
}

fn portfolio(s: &str) -> Minister {
    Minister {
        name: None,
        portfolio: s.into(),
    }
}

fn partner(name: &str, qualifier: Option<&str>) -> Partner {
    Partner {
        name: name.into(),
        qualifier: qualifier.map(Into::into),
    }
}

const EMPLOI: &str = "Ministre en charge de l’Emploi et de la Formation professionnelle, de la Transition numérique et \
                      de la Simplification Administrative";
const EMPLOI_N: &str = "Ministre en charge de l’Emploi et de la Formation professionnelle, de la Transition Numérique \
                        et de la Simplification Administrative";
const CLIMAT: &str = "Ministre chargé de la Transition climatique, de l'Environnement, de l'Energie et de la Démocratie \
                      participative";

#[test]
fn seed_002_plan_header() {
    let p = plan();
    assert_eq!(
        p.title,
        "Assurer la transition numérique de l’économie bruxelloise"
    );
    assert_eq!(p.kind, "Priorité concertée");
    assert_eq!(p.intro.len(), 3);
    assert_eq!(
        p.intro[0],
        "Le Gouvernement souhaite mettre en œuvre une politique de transition numérique ambitieuse, transversale et inclusive."
    );
    assert!(p.intro[1].starts_with("L’impact de la digitalisation sur notre économie est réel."));
    assert!(p.intro[1].ends_with("de profiter des opportunités créées par le numérique."));
    assert!(p.intro[2].starts_with("Par ailleurs, les nouvelles technologies"));
    assert!(p.intro[2].ends_with("aux demandes du marché de l’emploi."));

    assert_eq!(
        p.lead_ministers,
        [
            portfolio(EMPLOI),
            portfolio(
                "Secrétaire d’Etat en charge de la transition économique et de la recherche scientifique"
            ),
        ]
    );
    assert_eq!(p.associated_ministers, [portfolio(CLIMAT)]);
    assert_eq!(
        p.partners,
        [
            partner("CIRB", None),
            partner("Easy Brussels", Some("SPRB")),
            partner("ITCO", Some("SPRB")),
            partner("Brupartners", Some("Service de facilitation sectorielle")),
            partner("BRUXEO", Some("pour le volet e-santé")),
            partner("Hub.Brussels", None),
            partner("Actiris", None),
            partner("Bruxelles Formation", None),
            partner("Innoviris", None),
        ]
    );
    assert_eq!(
        p.steering_committee,
        [
            partner("CIRB", None),
            partner("Easy Brussels", Some("SPRB")),
            partner("ITCO", Some("SPRB")),
            partner("Brupartner", Some("Service de facilitation sectorielle")),
            partner("Hub.Brussels", None),
            partner("Actiris", None),
            partner("Bruxelles Formation", None),
            partner("Innoviris", None),
        ]
    );
}

#[test]
fn seed_002_plan_axes() {
    let p = plan();
    let axes: Vec<(u32, &str, &str)> = p
        .axes
        .iter()
        .map(|a| (a.number, a.title.as_str(), a.description.as_str()))
        .collect();
    assert_eq!(
        axes,
        [
            (
                1,
                "Accélérer la transition numérique en vue d’appuyer la transition économique",
                ""
            ),
            (2, "Stimuler le secteur de l’esanté", ""),
            (
                3,
                "Politique en matière de gestion des données ouvertes",
                "Mettre en place une politique régionale ambitieuse en matière de gestion des données ouvertes (open data):",
            ),
            (
                4,
                "Améliorer les relations administrations-entreprises",
                "Améliorer les relations administrations-entreprises par la transition numérique:",
            ),
            (
                5,
                "Accompagner tous les citoyens dans la transition numérique afin de répondre aux attentes du marché de l’emploi",
                "",
            ),
        ]
    );
    let secretaire_1 =
        "Secrétaire d’Etat en charge de la Transition économique et de la Recherche scientifique";
    let secretaire_2 =
        "Secrétaire d’Etat en charge de la Transition économique et à la Recherche scientifique";
    assert_eq!(
        p.axes[0].pilots,
        [
            portfolio(EMPLOI),
            portfolio(CLIMAT),
            portfolio(secretaire_1)
        ]
    );
    assert_eq!(
        p.axes[1].pilots,
        [portfolio(EMPLOI_N), portfolio(secretaire_2)]
    );
    for axis in &p.axes[2..] {
        assert_eq!(axis.pilots, [portfolio(EMPLOI_N)], "axis {}", axis.number);
    }
}

#[test]
fn seed_002_plan_actions() {
    let p = plan();
    let all: Vec<_> = p
        .axes
        .iter()
        .flat_map(|a| a.actions.iter().map(move |x| (a.number, x)))
        .collect();
    // (code, label, start of text, end of text)
    let expected: [(&str, Option<&str>, &str, &str); 13] = [
        (
            "1.1",
            None,
            "Evaluation du Plan Next Tech et élaboration du nouveau Plan d’économie numérique. L’évaluation",
            "avec les autres plans économiques et de transition numérique.",
        ),
        (
            "1.2",
            None,
            "Lancement du Pôle Formation Emploi ICT, sur base",
            "accord-cadre sectoriel préalable.",
        ),
        (
            "1.3",
            None,
            "Soutenir la digitalisation des entreprises.",
            "en particulier dans le domaine vidéoludique.",
        ),
        (
            "1.4",
            None,
            "Soutenir la synergie entre le Plan de transition numérique",
            "énergétique du bâtiment, etc.).",
        ),
        (
            "1.5",
            Some("Pôle de compétitivité commun"),
            "Afin de renforcer les liens entre régions",
            "dans le secteur de l’économie digitale et créative.",
        ),
        (
            "2.1",
            None,
            "Sensibiliser et stimuler les entreprises",
            "point de départ à une étude bruxelloise).",
        ),
        (
            "2.2",
            None,
            "Soutenir l’innovation en matière de health tech",
            "d’open data et d’intelligence artificielle.",
        ),
        (
            "3.1",
            None,
            "Organiser la diffusion et l’utilisation des données ouvertes",
            "et dans les services publics.",
        ),
        (
            "3.2",
            None,
            "Soutenir les entreprises innovantes qui utilisent",
            "un impact sociétal positif.",
        ),
        (
            "4.1",
            None,
            "Faciliter et accélérer les interactions",
            "(notamment via la réalisation du principe once only).",
        ),
        (
            "4.2",
            None,
            "Stimuler le marché des entreprises technologiques",
            "de ces dernières (GOVTECH).",
        ),
        (
            "5.1",
            None,
            "Le dernier axe constitue la préparation du futur",
            "touché par cette fracture.",
        ),
        (
            "5.2",
            None,
            "Il est primordial de proposer aux bruxellois",
            "aux demandes du marché de l’emploi.",
        ),
    ];
    assert_eq!(all.len(), expected.len());
    for ((axis, a), (code, label, start, end)) in all.iter().zip(expected) {
        assert_eq!(a.code, code);
        assert_eq!(a.axis, *axis);
        assert_eq!(format!("{}.{}", a.axis, a.position), code);
        assert_eq!(a.label.as_deref(), label, "{code}");
        assert!(a.text.starts_with(start), "{code}: {}", a.text);
        assert!(a.text.ends_with(end), "{code}: {}", a.text);
        assert!(!a.text.contains('\n'), "{code}: one line each in the seed");
    }
}
