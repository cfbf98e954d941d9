//! General vocabulary of parliamentary questions and answers: words found in questions on any
//! topic ("gouvernement", "région", "projet"). They are treated as if they appeared in most
//! documents of a background corpus, so they weigh little even when the batch being matched is
//! small (one question, or a plan of a dozen actions).

use std::sync::OnceLock;

use crate::fx::FxSet;

/// Size of the imaginary background corpus, in documents.
pub const BACKGROUND_DOCS: f64 = 100.0;
/// Document frequency given to a general word in the background corpus.
pub const BACKGROUND_DF: f64 = 60.0;

const GENERAL: &str = "
gouvernement gouvernements ministre ministres secrétaire état région régional régionale régionaux
bruxellois bruxelloise bruxelloises bruxelles capitale brussels belge belgique fédéral fédérale
flamand flamande wallon wallonne européen européenne communal communale commune communes
parlement parlementaire législature session commission membre membres monsieur madame cabinet
question questions réponse réponses interrogé interroger demander demande demandes savoir
projet projets cadre mesure mesures action actions plan plans politique politiques secteur secteurs
acteur acteurs niveau niveaux année années an ans mois jour jours semaine date calendrier moment
temps période cas nombre total chiffre chiffres pourcentage million millions euro euros budget
budgets moyen moyens objectif objectifs mise place oeuvre œuvre point fin début suite effet compte
matière matières situation dossier dossiers contact contacts réunion réunions détail détails lieu
cours étape étapes conclusion conclusions résultat résultats possibilité possibilités exemple
partie parties ensemble collaboration coopération concertation contribution initiative initiatives
groupe groupes réalisé réaliser concret concrète concrets actuel actuelle actuellement nouveau
nouvelle nouveaux nouvelles important importante différent différents différentes particulier
particulière général générale dernier dernière nombreux nombreuses prochain prochaine possible
nécessaire besoin besoins mettre faire prévoir pouvoir devoir permettre concerner concernant
informer indiquer précis préciser fois lors vue égard manière façon sens raison raisons type
types forme formes partenaire partenaires stratégie ambition enjeu enjeux défi défis étude études
analyse institution institutions organisme organismes structure structures instance instances
travail travaux équipe équipes disposition dispositions objet sujet thème thématique domaine
domaines personne personnes citoyen citoyens citoyenne citoyennes population habitant habitants
situation contexte crise mesure suivi état lien liens rôle base bases question
stimuler soutenir soutien soutenons accélérer améliorer amélioration renforcer renforcement favoriser
développer développement promouvoir promotion encourager faciliter assurer garantir organiser
viser visant permettant prendre compte tenir proposer veiller
";

/// The stems of the general vocabulary.
pub fn general_terms() -> &'static FxSet<String> {
    static SET: OnceLock<FxSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        vigie_core::text::analyse(GENERAL)
            .into_iter()
            .map(|t| t.term)
            .collect()
    })
}

pub fn is_general(term: &str) -> bool {
    general_terms().contains(term)
}
