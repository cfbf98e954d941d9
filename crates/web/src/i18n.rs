//! Every string the site shows, in French (default) and English. Views never hold literal UI
//! text: they read a field of [`Strings`] or call a method of [`Lang`] for text with numbers.
//!
//! Adding a language = one more `Strings` value and one more `Lang` variant.

use chrono::NaiveDate;
use vigie_core::{LinkState, PassageKind, Status};
use vigie_store::staff::Role;
use vigie_store::staff::audit::AuditKind;

/// The words of a link's explanation, in one language.
#[derive(Debug)]
pub struct ReasonTexts {
    pub manual: &'static str,
    pub moved_from: &'static str,
    pub note: &'static str,
    pub shared: &'static str,
    pub action_says: &'static str,
    pub subject: &'static str,
    pub pilots: &'static str,
    pub minister_pilots: &'static str,
    pub organisations: &'static str,
    pub words_in_common: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::En => "English",
        }
    }

    pub fn date(self, d: NaiveDate) -> String {
        match self {
            Lang::Fr => d.format("%d/%m/%Y").to_string(),
            Lang::En => d.format("%-d %b %Y").to_string(),
        }
    }

    pub fn opt_date(self, d: Option<NaiveDate>) -> String {
        d.map(|d| self.date(d))
            .unwrap_or_else(|| self.strings().unknown_date.to_string())
    }

    pub fn days(self, n: i64) -> String {
        match (self, n.abs() == 1) {
            (Lang::Fr, true) => format!("{n} jour"),
            (Lang::Fr, false) => format!("{n} jours"),
            (Lang::En, true) => format!("{n} day"),
            (Lang::En, false) => format!("{n} days"),
        }
    }

    pub fn median_days(self, n: f64) -> String {
        let shown = if n.fract() == 0.0 {
            format!("{n:.0}")
        } else {
            format!("{n:.1}")
        };
        match self {
            Lang::Fr => format!("{} jours", shown.replace('.', ",")),
            Lang::En => format!("{shown} days"),
        }
    }

    pub fn percent(self, part: u64, whole: u64) -> String {
        if whole == 0 {
            return "—".into();
        }
        let p = (part as f64) * 100.0 / (whole as f64);
        match self {
            Lang::Fr => format!("{p:.0} %"),
            Lang::En => format!("{p:.0}%"),
        }
    }

    /// The sentences that explain a link ([`crate::views::action::reasons`]).
    pub fn reasons(self) -> &'static ReasonTexts {
        match self {
            Lang::Fr => &ReasonTexts {
                manual: "Lien établi à la main",
                moved_from: "Déplacé depuis l'action",
                note: "Note :",
                shared: "Le passage et l'action emploient les mêmes mots :",
                action_says: "(l'action dit",
                subject: "L'objet de la question partage avec l'action :",
                pilots: "pilote l'axe de cette action.",
                minister_pilots: "Le ministre qui répond pilote l'axe de cette action.",
                organisations: "Organisations partenaires citées (indice faible) :",
                words_in_common: "(mots en commun :",
            },
            Lang::En => &ReasonTexts {
                manual: "Linked by hand",
                moved_from: "Moved from action",
                note: "Note:",
                shared: "The passage and the action use the same words:",
                action_says: "(the action says",
                subject: "The question's subject shares with the action:",
                pilots: "is a pilot of this action's axis.",
                minister_pilots: "The answering minister is a pilot of this action's axis.",
                organisations: "Partner organisations named (weak evidence):",
                words_in_common: "(words in common:",
            },
        }
    }

    /// Why staff decisions moved a link's score: the similar questions they confirmed or rejected
    /// for the action.
    pub fn staff_decisions(self, confirmed: u64, rejected: u64) -> String {
        let plural = |n: u64| if n == 1 { "" } else { "s" };
        match (self, confirmed, rejected) {
            (Lang::Fr, c, 0) => format!(
                "L'équipe a confirmé pour cette action {c} question{} semblable{}",
                plural(c),
                plural(c)
            ),
            (Lang::Fr, 0, r) => format!(
                "L'équipe a rejeté pour cette action {r} question{} semblable{}",
                plural(r),
                plural(r)
            ),
            (Lang::Fr, c, r) => format!(
                "Pour cette action, l'équipe a confirmé {c} question{} semblable{} et en a rejeté {r}",
                plural(c),
                plural(c)
            ),
            (Lang::En, c, 0) => format!(
                "Staff confirmed {c} similar question{} for this action",
                plural(c)
            ),
            (Lang::En, 0, r) => format!(
                "Staff rejected {r} similar question{} for this action",
                plural(r)
            ),
            (Lang::En, c, r) => format!(
                "For this action, staff confirmed {c} similar question{} and rejected {r}",
                plural(c)
            ),
        }
    }

    pub fn score(self, s: f64) -> String {
        let v = format!("{s:.2}");
        match self {
            Lang::Fr => v.replace('.', ","),
            Lang::En => v,
        }
    }

    /// A filter value the list cannot use, said instead of silently showing the full list.
    pub fn ignored_filter(self, label: &str, value: &str) -> String {
        match self {
            Lang::Fr => {
                format!("Filtre « {label} » ignoré : « {value} » n'est pas une valeur possible.")
            }
            Lang::En => format!("Filter “{label}” ignored: “{value}” is not a possible value."),
        }
    }

    /// "12 actions", "1 action".
    pub fn n_actions(self, n: u64) -> String {
        match (self, n == 1) {
            (_, true) => "1 action".into(),
            (_, false) => format!("{n} actions"),
        }
    }

    pub fn n_questions(self, n: u64) -> String {
        match (self, n == 1) {
            (_, true) => "1 question".into(),
            (_, false) => format!("{n} questions"),
        }
    }

    pub fn n_results(self, n: u64) -> String {
        match (self, n == 1) {
            (Lang::Fr, true) => "1 résultat".into(),
            (Lang::Fr, false) => format!("{n} résultats"),
            (Lang::En, true) => "1 result".into(),
            (Lang::En, false) => format!("{n} results"),
        }
    }

    /// "Page 2 of 7".
    pub fn page_of(self, page: u64, pages: u64) -> String {
        match self {
            Lang::Fr => format!("Page {page} sur {pages}"),
            Lang::En => format!("Page {page} of {pages}"),
        }
    }

    /// Coverage sentence of the overview.
    pub fn coverage(self, covered: u64, total: u64) -> String {
        match self {
            Lang::Fr => format!(
                "{covered} actions sur {total} ont fait l'objet d'au moins une question ou réponse"
            ),
            Lang::En => format!(
                "{covered} of {total} actions were the subject of at least one question or answer"
            ),
        }
    }

    /// "Question n°252 (19/24)".
    pub fn question_number(self, number: i64, legislature: &str) -> String {
        match self {
            Lang::Fr => format!("Question n°{number} ({legislature})"),
            Lang::En => format!("Question no. {number} ({legislature})"),
        }
    }

    /// The link from a trail's best passage to the question's other linked passages.
    pub fn more_passages(self, n: usize) -> String {
        match (self, n) {
            (Lang::Fr, 1) => "1 autre passage lié, sur la page de la question".into(),
            (Lang::Fr, n) => format!("{n} autres passages liés, sur la page de la question"),
            (Lang::En, 1) => "1 more linked passage, on the question's page".into(),
            (Lang::En, n) => format!("{n} more linked passages, on the question's page"),
        }
    }

    /// "Passage 3" (anchor label).
    pub fn passage_n(self, n: i64) -> String {
        match self {
            Lang::Fr => format!("Passage {n}"),
            Lang::En => format!("Passage {n}"),
        }
    }

    pub fn axis_n(self, n: i64) -> String {
        match self {
            Lang::Fr => format!("Axe {n}"),
            Lang::En => format!("Axis {n}"),
        }
    }

    /// Chart bar tooltip/label: "Axe 2 : 3 réalisées sur 7".
    pub fn bar_label(self, axis: i64, status: Status, n: u64, total: u64) -> String {
        let s = self.strings().status(status);
        match self {
            Lang::Fr => format!("Axe {axis} : {n} sur {total} — {s}"),
            Lang::En => format!("Axis {axis}: {n} of {total} — {s}"),
        }
    }

    pub fn questions_asked_about(self, n: u64) -> String {
        match (self, n == 1) {
            (Lang::Fr, true) => "1 question posée".into(),
            (Lang::Fr, false) => format!("{n} questions posées"),
            (Lang::En, true) => "1 question asked".into(),
            (Lang::En, false) => format!("{n} questions asked"),
        }
    }
}

/// Every fixed string of the site.
#[derive(Debug)]
pub struct Strings {
    pub site_name: &'static str,
    pub tagline: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_overview: &'static str,
    pub nav_actions: &'static str,
    pub nav_questions: &'static str,
    pub nav_search: &'static str,
    pub nav_statuses: &'static str,
    pub language: &'static str,
    pub logged_in_as: &'static str,
    pub footer_sources: &'static str,
    pub footer_license: &'static str,
    pub footer_open_data: &'static str,
    pub footer_feed: &'static str,
    pub unknown_date: &'static str,
    pub none: &'static str,
    pub breadcrumb: &'static str,

    // statuses
    pub status_label: &'static str,
    pub st_no_follow_up: &'static str,
    pub st_announced: &'static str,
    pub st_in_progress: &'static str,
    pub st_delivered: &'static str,
    pub st_stalled: &'static str,
    pub def_no_follow_up: &'static str,
    pub def_announced: &'static str,
    pub def_in_progress: &'static str,
    pub def_delivered: &'static str,
    pub def_stalled: &'static str,
    pub how_no_follow_up: &'static str,
    pub how_announced: &'static str,
    pub how_in_progress: &'static str,
    pub how_delivered: &'static str,
    pub how_stalled: &'static str,
    pub statuses_title: &'static str,
    pub statuses_intro: &'static str,
    pub statuses_rules_title: &'static str,
    pub statuses_rules: [&'static str; 4],
    pub statuses_how: &'static str,
    pub statuses_cues: &'static str,

    // overview
    pub overview_title: &'static str,
    pub plans: &'static str,
    pub no_plan: &'static str,
    pub lead_ministers: &'static str,
    pub associated_ministers: &'static str,
    pub partners: &'static str,
    pub steering_committee: &'static str,
    pub actions_by_status: &'static str,
    pub chart_by_status_desc: &'static str,
    pub progress_by_axis: &'static str,
    pub chart_by_axis_desc: &'static str,
    pub coverage_title: &'static str,
    pub newest_evidence: &'static str,
    pub no_evidence_yet: &'static str,
    pub all_actions: &'static str,
    pub total: &'static str,

    // action
    pub action: &'static str,
    pub axis: &'static str,
    pub plan: &'static str,
    pub pilots: &'static str,
    pub proposed_status: &'static str,
    pub rests_on: &'static str,
    pub sentence: &'static str,
    pub evidence_date: &'static str,
    pub no_status_evidence: &'static str,
    /// Beside a status that rests only on links nobody reviewed, and its explanation.
    pub unreviewed: &'static str,
    /// An address naming several records.
    pub several_title: &'static str,
    /// The index pages, and the footer's links to them.
    pub members_title: &'static str,
    pub ministers_title: &'static str,
    pub organisations_title: &'static str,
    pub nothing_yet: &'static str,
    /// The overview: the period the questions cover, and when the data last changed.
    pub period_covered: &'static str,
    pub last_updated: &'static str,
    pub several_lead: &'static str,
    pub unreviewed_title: &'static str,
    /// The evidence filter of the actions list.
    pub evidence_filter: &'static str,
    pub evidence_any: &'static str,
    pub evidence_unreviewed: &'static str,
    pub evidence_reviewed: &'static str,
    pub evidence_trail: &'static str,
    pub no_evidence: &'static str,
    pub why_this_link: &'static str,
    pub questions_with_number: &'static str,
    pub score: &'static str,
    pub matched_words: &'static str,
    pub link_state: &'static str,
    pub link_proposed: &'static str,
    pub link_confirmed: &'static str,
    pub link_rejected: &'static str,
    pub status_history: &'static str,
    pub computed_at: &'static str,
    pub current: &'static str,
    pub engine_version: &'static str,
    pub no_history: &'static str,
    pub question_matched_whole: &'static str,

    // question
    pub question: &'static str,
    pub answer: &'static str,
    pub subject: &'static str,
    pub asked_by: &'static str,
    pub addressed_to: &'static str,
    pub legislature: &'static str,
    pub session: &'static str,
    pub number: &'static str,
    pub received: &'static str,
    pub published: &'static str,
    pub answered: &'static str,
    pub answer_delay: &'static str,
    pub no_answer: &'static str,
    pub procedure: &'static str,
    pub date: &'static str,
    pub act: &'static str,
    pub reference: &'static str,
    pub linked_actions: &'static str,
    pub no_linked_actions: &'static str,
    pub kind_question_intro: &'static str,
    pub kind_sub_question: &'static str,
    pub kind_answer: &'static str,

    // people and organisations
    pub member: &'static str,
    pub minister: &'static str,
    pub organisation: &'static str,
    pub questions_asked: &'static str,
    pub actions_probed: &'static str,
    pub questions_answered: &'static str,
    pub median_delay: &'static str,
    pub actions_piloted: &'static str,
    pub piloted_via: &'static str,
    pub portfolio: &'static str,
    pub aliases: &'static str,
    pub partner_of: &'static str,
    pub role_partner: &'static str,
    pub role_steering: &'static str,
    pub actions_naming: &'static str,
    pub answers_naming: &'static str,
    pub nothing_here: &'static str,

    // lists, filters, search
    pub actions_title: &'static str,
    pub questions_title: &'static str,
    pub filters: &'static str,
    pub filter_apply: &'static str,
    pub filter_reset: &'static str,
    pub any: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub sort: &'static str,
    pub sort_code: &'static str,
    pub sort_status: &'static str,
    pub sort_evidence: &'static str,
    pub sort_newest: &'static str,
    pub sort_oldest: &'static str,
    pub sort_relevance: &'static str,
    pub pagination: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub no_results: &'static str,
    pub latest_evidence: &'static str,
    pub evidence_count: &'static str,
    pub search_title: &'static str,
    pub search_label: &'static str,
    pub search_button: &'static str,
    pub search_hint: &'static str,
    pub search_in: &'static str,
    pub kind_all: &'static str,
    pub kind_actions: &'static str,
    pub kind_questions: &'static str,
    pub kind_answers: &'static str,
    pub hit_action: &'static str,
    pub hit_question: &'static str,
    pub hit_passage: &'static str,

    // errors
    pub error_title: &'static str,
    pub error_not_found: &'static str,
    pub error_bad_request: &'static str,
    pub error_unauthorized: &'static str,
    pub error_forbidden: &'static str,
    pub error_method: &'static str,
    pub official_page: &'static str,
    pub official_page_link: &'static str,
    pub read_warnings: &'static str,
    pub error_busy: &'static str,
    pub error_too_large: &'static str,
    pub error_internal: &'static str,
    pub back_home: &'static str,
}

impl Strings {
    pub fn status(&self, s: Status) -> &'static str {
        match s {
            Status::NoFollowUp => self.st_no_follow_up,
            Status::Announced => self.st_announced,
            Status::InProgress => self.st_in_progress,
            Status::Delivered => self.st_delivered,
            Status::Stalled => self.st_stalled,
        }
    }

    pub fn status_definition(&self, s: Status) -> &'static str {
        match s {
            Status::NoFollowUp => self.def_no_follow_up,
            Status::Announced => self.def_announced,
            Status::InProgress => self.def_in_progress,
            Status::Delivered => self.def_delivered,
            Status::Stalled => self.def_stalled,
        }
    }

    pub fn status_how(&self, s: Status) -> &'static str {
        match s {
            Status::NoFollowUp => self.how_no_follow_up,
            Status::Announced => self.how_announced,
            Status::InProgress => self.how_in_progress,
            Status::Delivered => self.how_delivered,
            Status::Stalled => self.how_stalled,
        }
    }

    pub fn link_state(&self, s: LinkState) -> &'static str {
        match s {
            LinkState::Proposed => self.link_proposed,
            LinkState::Confirmed => self.link_confirmed,
            LinkState::Rejected => self.link_rejected,
        }
    }

    pub fn passage_kind(&self, k: PassageKind) -> &'static str {
        match k {
            PassageKind::QuestionIntro => self.kind_question_intro,
            PassageKind::SubQuestion => self.kind_sub_question,
            PassageKind::Answer => self.kind_answer,
        }
    }
}

pub static FR: Strings = Strings {
    site_name: "Vigie",
    tagline: "Les engagements du gouvernement, suivis par les questions du Parlement",
    skip_to_content: "Aller au contenu",
    nav_label: "Navigation principale",
    nav_overview: "Vue d'ensemble",
    nav_actions: "Actions",
    nav_questions: "Questions",
    nav_search: "Recherche",
    nav_statuses: "Statuts",
    language: "Langue",
    logged_in_as: "Connecté en tant que",
    footer_sources: "Sources : le plan du gouvernement et les questions écrites du Parlement, avec les réponses des ministres.",
    footer_license: "Logiciel libre (AGPL-3.0). Chaque statut renvoie aux textes sur lesquels il repose.",
    footer_open_data: "Données ouvertes :",
    footer_feed: "Flux Atom des nouvelles preuves",
    unknown_date: "date inconnue",
    none: "—",
    breadcrumb: "Fil d'Ariane",

    status_label: "Statut",
    st_no_follow_up: "Sans suivi",
    st_announced: "Annoncée",
    st_in_progress: "En cours",
    st_delivered: "Réalisée",
    st_stalled: "Bloquée",
    def_no_follow_up: "Aucune question ni réponse parlementaire n'est liée à l'action.",
    def_announced: "Les seuls éléments sont des intentions : futur, « prévu », « nous analysons », « avant de décider ».",
    def_in_progress: "Les réponses disent que le travail est en cours : « est en cours », « travaillent », « continuera », « en phase de ».",
    def_delivered: "Les réponses disent que c'est fait : « a été lancé », « a été approuvé », « a été mis en place », « finalisé ».",
    def_stalled: "Les réponses disent que c'est bloqué, reporté ou hors des mains du gouvernement.",
    how_no_follow_up: "Proposé quand aucun lien question–action n'est retenu.",
    how_announced: "Proposé quand la phrase la plus récente liée à l'action n'exprime qu'une intention.",
    how_in_progress: "Proposé quand la phrase la plus récente décrit un travail en cours.",
    how_delivered: "Proposé quand la phrase la plus récente décrit une réalisation accomplie.",
    how_stalled: "Proposé quand la phrase la plus récente décrit un blocage, un report ou une décision qui échappe au gouvernement.",
    statuses_title: "Les statuts",
    statuses_intro: "Chaque action du plan reçoit un statut sur une seule échelle. Le moteur le propose à partir des réponses des ministres ; une personne peut le corriger avec une justification.",
    statuses_rules_title: "Comment le moteur propose un statut",
    statuses_rules: [
        "Le moteur relie chaque question et chaque passage de réponse aux actions qu'ils concernent, avec un score et des raisons lisibles.",
        "Il lit les réponses liées et repère les indices de réalisation (« a été lancé », « est en cours », « nous analysons », « ne sont incluses ni… »).",
        "La preuve datée la plus récente l'emporte ; la proposition cite toujours la phrase, la question et la date sur lesquelles elle repose.",
        "Une correction faite par une personne l'emporte sur le moteur ; elle porte une justification, un auteur et une date.",
    ],
    statuses_how: "Comment il est proposé",
    statuses_cues: "Définition",

    overview_title: "Vue d'ensemble",
    plans: "Plans",
    no_plan: "Aucun plan n'a encore été importé.",
    lead_ministers: "Ministre(s) porteur(s)",
    associated_ministers: "Ministre(s) associé(s)",
    partners: "Partenaires",
    steering_committee: "Comité de pilotage",
    actions_by_status: "Actions par statut",
    chart_by_status_desc: "Nombre d'actions pour chaque statut. Chaque barre mène à la liste correspondante.",
    progress_by_axis: "Avancement par axe",
    chart_by_axis_desc: "Une barre empilée par axe : la part des actions dans chaque statut. Chaque segment mène à la liste correspondante.",
    coverage_title: "Suivi parlementaire",
    newest_evidence: "Derniers éléments de preuve",
    no_evidence_yet: "Aucune question n'est encore liée à une action.",
    all_actions: "Toutes les actions",
    total: "Total",

    action: "Action",
    axis: "Axe",
    plan: "Plan",
    pilots: "Pilote(s)",
    proposed_status: "Statut proposé",
    rests_on: "Repose sur",
    sentence: "Phrase",
    evidence_date: "Date de la preuve",
    no_status_evidence: "Aucune réponse liée ne permet encore de juger cette action.",
    unreviewed: "non vérifié",
    several_title: "Plusieurs résultats",
    members_title: "Députés",
    ministers_title: "Ministres",
    organisations_title: "Organisations",
    nothing_yet: "Rien pour l'instant.",
    period_covered: "Période couverte par les questions :",
    last_updated: "Données mises à jour le",
    several_lead: "Cette adresse désigne plusieurs éléments :",
    unreviewed_title: "Statut proposé par Vigie à partir de liens que personne n'a encore vérifiés.",
    evidence_filter: "Vérification",
    evidence_any: "Tous les statuts",
    evidence_unreviewed: "Non vérifiés",
    evidence_reviewed: "Vérifiés",
    evidence_trail: "Fil des preuves",
    no_evidence: "Aucune question ni réponse n'est liée à cette action.",
    why_this_link: "Pourquoi ce lien ?",
    questions_with_number: "Questions portant le numéro",
    score: "Score",
    matched_words: "Mots retrouvés",
    link_state: "État du lien",
    link_proposed: "proposé par le moteur",
    link_confirmed: "confirmé",
    link_rejected: "rejeté",
    status_history: "Historique du statut",
    computed_at: "Calculé le",
    current: "actuel",
    engine_version: "Version du moteur",
    no_history: "Pas encore d'historique.",
    question_matched_whole: "La question dans son ensemble est liée à l'action.",

    question: "Question",
    answer: "Réponse",
    subject: "Objet",
    asked_by: "Posée par",
    addressed_to: "Adressée à",
    legislature: "Législature",
    session: "Session",
    number: "Numéro",
    received: "Reçue le",
    published: "Publiée le",
    answered: "Réponse le",
    answer_delay: "Délai de réponse",
    no_answer: "Cette question n'a pas (encore) reçu de réponse.",
    procedure: "Actes de procédure",
    date: "Date",
    act: "Acte",
    reference: "Référence",
    linked_actions: "Actions liées",
    no_linked_actions: "Cette question n'est liée à aucune action du plan.",
    kind_question_intro: "Question",
    kind_sub_question: "Sous-question",
    kind_answer: "Réponse",

    member: "Député·e",
    minister: "Ministre",
    organisation: "Organisation",
    questions_asked: "Questions posées",
    actions_probed: "Actions interrogées",
    questions_answered: "Questions reçues",
    median_delay: "Délai de réponse médian",
    actions_piloted: "Actions pilotées",
    piloted_via: "Pilotage dans le plan",
    portfolio: "Compétences",
    aliases: "Autres noms",
    partner_of: "Partenaire des plans",
    role_partner: "partenaire",
    role_steering: "comité de pilotage",
    actions_naming: "Actions qui la citent",
    answers_naming: "Réponses qui la citent",
    nothing_here: "Rien à montrer ici pour l'instant.",

    actions_title: "Actions du plan",
    questions_title: "Questions écrites",
    filters: "Filtres",
    filter_apply: "Filtrer",
    filter_reset: "Effacer les filtres",
    any: "Tous",
    from: "Du",
    to: "Au",
    sort: "Trier par",
    sort_code: "numéro d'action",
    sort_status: "statut",
    sort_evidence: "nombre de preuves",
    sort_newest: "plus récentes",
    sort_oldest: "plus anciennes",
    sort_relevance: "pertinence",
    pagination: "Pagination",
    previous: "Précédente",
    next: "Suivante",
    no_results: "Aucun résultat.",
    latest_evidence: "Dernière preuve",
    evidence_count: "Questions liées",
    search_title: "Recherche",
    search_label: "Rechercher dans les actions, les questions et les réponses",
    search_button: "Rechercher",
    search_hint: "Les accents et les majuscules sont ignorés. Mettez une expression entre guillemets pour la chercher telle quelle.",
    search_in: "Chercher dans",
    kind_all: "Tout",
    kind_actions: "Actions",
    kind_questions: "Questions",
    kind_answers: "Réponses",
    hit_action: "Action",
    hit_question: "Question",
    hit_passage: "Passage",

    error_title: "Erreur",
    error_not_found: "Cette page n'existe pas.",
    error_bad_request: "La demande n'a pas pu être comprise.",
    error_unauthorized: "Connectez-vous pour accéder à cette page.",
    error_forbidden: "Vous n'avez pas les droits nécessaires.",
    error_method: "Cette adresse n'accepte pas cette méthode.",
    official_page: "Page officielle",
    official_page_link: "La question sur le site du Parlement",
    read_warnings: "Avertissements à l'import (visibles par l'équipe)",
    error_busy: "Le serveur est momentanément surchargé. Réessayez dans quelques secondes.",
    error_too_large: "La demande est trop volumineuse.",
    error_internal: "Une erreur interne est survenue ; elle a été enregistrée.",
    back_home: "Retour à la vue d'ensemble",
};

pub static EN: Strings = Strings {
    site_name: "Vigie",
    tagline: "The government's commitments, followed through parliament's questions",
    skip_to_content: "Skip to content",
    nav_label: "Main navigation",
    nav_overview: "Overview",
    nav_actions: "Actions",
    nav_questions: "Questions",
    nav_search: "Search",
    nav_statuses: "Statuses",
    language: "Language",
    logged_in_as: "Logged in as",
    footer_sources: "Sources: the government's plan and parliament's written questions, with the ministers' answers.",
    footer_license: "Free software (AGPL-3.0). Every status links to the texts it rests on.",
    footer_open_data: "Open data:",
    footer_feed: "Atom feed of new evidence",
    unknown_date: "unknown date",
    none: "—",
    breadcrumb: "Breadcrumb",

    status_label: "Status",
    st_no_follow_up: "No follow-up",
    st_announced: "Announced",
    st_in_progress: "In progress",
    st_delivered: "Delivered",
    st_stalled: "Stalled",
    def_no_follow_up: "No parliamentary question or answer is linked to the action.",
    def_announced: "The only evidence is intention: future tense, \"prévu\", \"nous analysons\", \"avant de décider\".",
    def_in_progress: "The answers say work is under way: \"est en cours\", \"travaillent\", \"continuera\", \"en phase de\".",
    def_delivered: "The answers say it is done: \"a été lancé\", \"a été approuvé\", \"a été mis en place\", \"finalisé\".",
    def_stalled: "The answers say it is blocked, postponed, or outside the government's hands.",
    how_no_follow_up: "Proposed when no question–action link is kept.",
    how_announced: "Proposed when the latest sentence linked to the action only states an intention.",
    how_in_progress: "Proposed when the latest sentence describes work under way.",
    how_delivered: "Proposed when the latest sentence describes something done.",
    how_stalled: "Proposed when the latest sentence describes a blockage, a postponement or a decision out of the government's hands.",
    statuses_title: "Statuses",
    statuses_intro: "Every action of the plan gets a status on one scale. The engine proposes it from the ministers' answers; a person may override it with a justification.",
    statuses_rules_title: "How the engine proposes a status",
    statuses_rules: [
        "The engine links each question and each answer passage to the actions it concerns, with a score and readable reasons.",
        "It reads the linked answers for delivery cues (\"a été lancé\", \"est en cours\", \"nous analysons\", \"ne sont incluses ni…\").",
        "The latest dated evidence wins; the proposal always names the sentence, the question and the date it rests on.",
        "A person's override wins over the engine; it carries a justification, an author and a time.",
    ],
    statuses_how: "How it is proposed",
    statuses_cues: "Definition",

    overview_title: "Overview",
    plans: "Plans",
    no_plan: "No plan has been imported yet.",
    lead_ministers: "Lead minister(s)",
    associated_ministers: "Associated minister(s)",
    partners: "Partners",
    steering_committee: "Steering committee",
    actions_by_status: "Actions by status",
    chart_by_status_desc: "Number of actions in each status. Each bar leads to the matching list.",
    progress_by_axis: "Progress by axis",
    chart_by_axis_desc: "One stacked bar per axis: the share of its actions in each status. Each segment leads to the matching list.",
    coverage_title: "Parliamentary follow-up",
    newest_evidence: "Newest evidence",
    no_evidence_yet: "No question is linked to an action yet.",
    all_actions: "All actions",
    total: "Total",

    action: "Action",
    axis: "Axis",
    plan: "Plan",
    pilots: "Pilot(s)",
    proposed_status: "Proposed status",
    rests_on: "Rests on",
    sentence: "Sentence",
    evidence_date: "Evidence date",
    no_status_evidence: "No linked answer allows judging this action yet.",
    unreviewed: "not reviewed",
    several_title: "Several results",
    members_title: "Members of parliament",
    ministers_title: "Ministers",
    organisations_title: "Organisations",
    nothing_yet: "Nothing yet.",
    period_covered: "Period the questions cover:",
    last_updated: "Data last updated on",
    several_lead: "This address names several records:",
    unreviewed_title: "Status proposed by Vigie from links nobody has reviewed yet.",
    evidence_filter: "Review",
    evidence_any: "All statuses",
    evidence_unreviewed: "Not reviewed",
    evidence_reviewed: "Reviewed",
    evidence_trail: "Evidence trail",
    no_evidence: "No question or answer is linked to this action.",
    why_this_link: "Why this link?",
    questions_with_number: "Questions numbered",
    score: "Score",
    matched_words: "Matched words",
    link_state: "Link state",
    link_proposed: "proposed by the engine",
    link_confirmed: "confirmed",
    link_rejected: "rejected",
    status_history: "Status history",
    computed_at: "Computed on",
    current: "current",
    engine_version: "Engine version",
    no_history: "No history yet.",
    question_matched_whole: "The question as a whole is linked to the action.",

    question: "Question",
    answer: "Answer",
    subject: "Subject",
    asked_by: "Asked by",
    addressed_to: "Addressed to",
    legislature: "Legislature",
    session: "Session",
    number: "Number",
    received: "Received",
    published: "Published",
    answered: "Answered",
    answer_delay: "Answer delay",
    no_answer: "This question has not been answered (yet).",
    procedure: "Procedural acts",
    date: "Date",
    act: "Act",
    reference: "Reference",
    linked_actions: "Linked actions",
    no_linked_actions: "This question is not linked to any action of the plan.",
    kind_question_intro: "Question",
    kind_sub_question: "Sub-question",
    kind_answer: "Answer",

    member: "Member of parliament",
    minister: "Minister",
    organisation: "Organisation",
    questions_asked: "Questions asked",
    actions_probed: "Actions probed",
    questions_answered: "Questions received",
    median_delay: "Median answer delay",
    actions_piloted: "Actions piloted",
    piloted_via: "Piloting in the plan",
    portfolio: "Portfolio",
    aliases: "Other names",
    partner_of: "Partner of the plans",
    role_partner: "partner",
    role_steering: "steering committee",
    actions_naming: "Actions naming it",
    answers_naming: "Answers naming it",
    nothing_here: "Nothing to show here yet.",

    actions_title: "The plan's actions",
    questions_title: "Written questions",
    filters: "Filters",
    filter_apply: "Filter",
    filter_reset: "Clear filters",
    any: "Any",
    from: "From",
    to: "To",
    sort: "Sort by",
    sort_code: "action number",
    sort_status: "status",
    sort_evidence: "amount of evidence",
    sort_newest: "newest first",
    sort_oldest: "oldest first",
    sort_relevance: "relevance",
    pagination: "Pagination",
    previous: "Previous",
    next: "Next",
    no_results: "No results.",
    latest_evidence: "Latest evidence",
    evidence_count: "Linked questions",
    search_title: "Search",
    search_label: "Search the actions, questions and answers",
    search_button: "Search",
    search_hint: "Accents and case are ignored. Put a phrase in double quotes to search for it as written.",
    search_in: "Search in",
    kind_all: "Everything",
    kind_actions: "Actions",
    kind_questions: "Questions",
    kind_answers: "Answers",
    hit_action: "Action",
    hit_question: "Question",
    hit_passage: "Passage",

    error_title: "Error",
    error_not_found: "This page does not exist.",
    error_bad_request: "The request could not be understood.",
    error_unauthorized: "Log in to see this page.",
    error_forbidden: "You do not have the rights needed.",
    error_method: "This address does not accept this method.",
    official_page: "Official page",
    official_page_link: "The question on the Parliament's site",
    read_warnings: "Import warnings (shown to staff)",
    error_busy: "The server is busy for a moment. Try again in a few seconds.",
    error_too_large: "The request is too large.",
    error_internal: "An internal error occurred; it has been logged.",
    back_home: "Back to the overview",
};

// ---------------------------------------------------------------------------------------------
// Staff pages (login, review queue, assessments, aliases, history).

impl Lang {
    /// The staff pages' strings.
    pub fn staff(self) -> &'static StaffStrings {
        match self {
            Lang::Fr => &STAFF_FR,
            Lang::En => &STAFF_EN,
        }
    }
}

/// Every fixed string of the staff pages, and the public parts they add (assessment, history).
#[derive(Debug)]
pub struct StaffStrings {
    pub lang: Lang,
    pub login_title: &'static str,
    pub already_logged_in: &'static str,
    pub login_failed: &'static str,
    pub login_locked: &'static str,
    pub user_name: &'static str,
    pub password: &'static str,
    pub log_in: &'static str,
    pub log_out: &'static str,
    pub nav_review: &'static str,
    pub nav_aliases: &'static str,
    pub role_editor: &'static str,
    pub role_admin: &'static str,
    pub not_saved: &'static str,

    pub review_title: &'static str,
    pub stats_title: &'static str,
    pub manual_title: &'static str,
    pub queue_empty: &'static str,
    pub note_optional: &'static str,
    pub note_required: &'static str,
    pub confirm_selected: &'static str,
    pub select_for_bulk: &'static str,
    pub confirm: &'static str,
    pub reject: &'static str,
    pub move_to: &'static str,
    pub move_button: &'static str,
    pub possible_title: &'static str,
    pub possible_lead: &'static str,
    pub accept_possible: &'static str,
    pub dismiss_possible: &'static str,
    pub choose_action: &'static str,
    /// Moving a link onto one the question already has.
    pub merge_title: &'static str,
    pub merge_button: &'static str,
    pub cancel: &'static str,
    pub manual_intro: &'static str,
    pub question_id: &'static str,
    pub ref_legislature: &'static str,
    pub decision_done: &'static str,
    pub undo: &'static str,
    pub ref_minister: &'static str,
    pub ref_number: &'static str,
    pub incomplete_reference: &'static str,
    pub several_questions: &'static str,
    pub choose: &'static str,
    pub choose_passage: &'static str,
    pub action_label: &'static str,
    pub add_link: &'static str,
    pub choose_passage_and_action: &'static str,
    pub stats_intro: &'static str,
    pub stats_caption: &'static str,
    pub score_band: &'static str,
    pub proposed: &'static str,
    pub confirmed: &'static str,
    pub rejected: &'static str,
    pub precision: &'static str,
    pub manual_links: &'static str,

    pub choose_status: &'static str,
    pub assessment_title: &'static str,
    pub disagrees: &'static str,
    pub evidence_says: &'static str,
    pub agrees: &'static str,
    pub no_assessment: &'static str,
    pub history_link: &'static str,
    pub new_status: &'static str,
    pub justification_required: &'static str,
    pub save_assessment: &'static str,

    pub history_title: &'static str,
    pub history_intro: &'static str,
    pub history_empty: &'static str,
    pub when: &'static str,
    pub who: &'static str,
    pub what: &'static str,
    pub before: &'static str,
    pub after: &'static str,
    pub why: &'static str,

    pub reason_optional: &'static str,
    pub aliases_title: &'static str,
    pub aliases_intro: &'static str,
    pub organisation_aliases: &'static str,
    pub remove: &'static str,
    pub add_alias: &'static str,
    pub alias: &'static str,
    pub add: &'static str,
    pub minister_mapping: &'static str,
    pub minister_mapping_intro: &'static str,
    pub no_mapping: &'static str,
    pub plan_portfolio: &'static str,
    pub add_mapping: &'static str,
    pub choose_organisation: &'static str,
    pub choose_minister: &'static str,
}

impl StaffStrings {
    /// Why a change was refused, in the page's language.
    pub fn refusal(&self, p: &vigie_store::staff::Problem) -> String {
        use vigie_store::staff::{Field, Problem};
        let fr = self.lang == Lang::Fr;
        let field = |f: Field| -> &'static str {
            match (f, fr) {
                (Field::Alias, true) => "l'alias",
                (Field::Justification, true) => "la justification",
                (Field::Note, true) => "la note",
                (Field::Portfolio, true) => "le portefeuille",
                (Field::Reason, true) => "la raison",
                (f, false) => f.as_str(),
            }
        };
        match (p, fr) {
            (Problem::Required(f), true) => format!("Indiquez {}.", field(*f)),
            (Problem::Required(f), false) => format!("Please give {}.", field(*f)),
            (Problem::TooLong(f, n), true) => {
                format!("Le texte de {} dépasse {n} caractères.", field(*f))
            }
            (Problem::TooLong(f, n), false) => {
                format!("{} is longer than {n} characters.", field(*f))
            }
            (Problem::AlreadyOnAction, true) => "Le lien porte déjà sur cette action.".into(),
            (Problem::WouldMerge(code), true) => format!(
                "La question est déjà liée à l'action {code} : déplacer ce lien fusionnera les deux liens (les notes des deux sont gardées)."
            ),
            (Problem::WouldMerge(code), false) => format!(
                "The question is already linked to action {code}: moving this link will merge the two (both notes are kept)."
            ),
            (Problem::NothingToUndo(_), true) => "Ce lien n'a pas de décision à annuler.".into(),
            (Problem::NothingSelected, true) => "Aucun lien n'est sélectionné.".into(),
            (Problem::TooMany(n), true) => {
                format!("Au plus {n} liens peuvent être confirmés à la fois.")
            }
            (Problem::AliasTaken(alias, owner), true) => {
                format!("L'alias « {alias} » désigne déjà {owner}.")
            }
            (Problem::MappingExists, true) => {
                "Ce portefeuille est déjà associé à ce ministre.".into()
            }
            (Problem::NeedsAccount, true) => {
                "Une évaluation de statut demande un compte du personnel.".into()
            }
            (p, _) => {
                let mut s = p.to_string();
                if let Some(first) = s.get(0..1) {
                    let up = first.to_uppercase();
                    s.replace_range(0..1, &up);
                }
                s.push('.');
                s
            }
        }
    }

    /// The manual-link form's message when a reference matches no question.
    pub fn no_question_with_reference(
        &self,
        legislature: &str,
        minister: &str,
        number: i32,
    ) -> String {
        match self.lang {
            Lang::Fr => format!(
                "Aucune question n°{number} de la législature {legislature} adressée à {minister} n'est dans la base. Vérifiez la référence (par exemple 24/29, Hublet, 90)."
            ),
            Lang::En => format!(
                "No question n°{number} of legislature {legislature} put to {minister} is in the database. Check the reference (for example 24/29, Hublet, 90)."
            ),
        }
    }

    pub fn bad_question_number(&self, given: &str) -> String {
        match self.lang {
            Lang::Fr => format!(
                "Le numéro de la question doit être un nombre entier positif, pas « {given} »."
            ),
            Lang::En => {
                format!("The question number must be a positive whole number, not \"{given}\".")
            }
        }
    }

    pub fn role(&self, role: Role) -> &'static str {
        match role {
            Role::Admin => self.role_admin,
            Role::Editor => self.role_editor,
        }
    }

    pub fn n_proposed(&self, n: u64) -> String {
        match (self.lang, n == 1) {
            (Lang::Fr, true) => "1 lien proposé attend une décision".into(),
            (Lang::Fr, false) => format!("{n} liens proposés attendent une décision"),
            (Lang::En, true) => "1 proposed link awaits a decision".into(),
            (Lang::En, false) => format!("{n} proposed links await a decision"),
        }
    }

    /// "set by alice on 22/11/2026".
    pub fn set_by(&self, who: &str, date: &str) -> String {
        match self.lang {
            Lang::Fr => format!("fixé par {who} le {date}"),
            Lang::En => format!("set by {who} on {date}"),
        }
    }

    /// A link state stored as text, in words.
    pub fn link_state(&self, state: LinkState) -> &'static str {
        match (self.lang, state) {
            (Lang::Fr, LinkState::Proposed) => "proposé",
            (Lang::Fr, LinkState::Confirmed) => "confirmé",
            (Lang::Fr, LinkState::Rejected) => "rejeté",
            (Lang::En, LinkState::Proposed) => "proposed",
            (Lang::En, LinkState::Confirmed) => "confirmed",
            (Lang::En, LinkState::Rejected) => "rejected",
        }
    }

    /// What an audit row records, in words.
    pub fn change_kind(&self, kind: AuditKind) -> &'static str {
        match (self.lang, kind) {
            (Lang::Fr, AuditKind::LinkConfirm) => "lien confirmé",
            (Lang::Fr, AuditKind::LinkReject) => "lien rejeté",
            (Lang::Fr, AuditKind::LinkUndo) => "décision annulée",
            (Lang::Fr, AuditKind::LinkMove) => "lien déplacé vers une autre action",
            (Lang::Fr, AuditKind::LinkAdd) => "lien ajouté à la main",
            (Lang::Fr, AuditKind::AssessmentSet) => "statut évalué",
            (Lang::En, AuditKind::LinkConfirm) => "link confirmed",
            (Lang::En, AuditKind::LinkReject) => "link rejected",
            (Lang::En, AuditKind::LinkUndo) => "decision undone",
            (Lang::En, AuditKind::LinkMove) => "link moved to another action",
            (Lang::En, AuditKind::LinkAdd) => "link added by hand",
            (Lang::En, AuditKind::AssessmentSet) => "status assessed",
            (Lang::Fr, _) => "modification",
            (Lang::En, _) => "change",
        }
    }

    /// A field of an audit value, in words.
    pub fn field_name(&self, key: &str) -> String {
        let fr = self.lang == Lang::Fr;
        let s = match key {
            "status" => {
                if fr {
                    "statut"
                } else {
                    "status"
                }
            }
            "state" => {
                if fr {
                    "état"
                } else {
                    "state"
                }
            }
            "note" => "note",
            "score" => "score",
            "origin" => {
                if fr {
                    "origine"
                } else {
                    "origin"
                }
            }
            "question_id" => {
                if fr {
                    "question n° interne"
                } else {
                    "question id"
                }
            }
            "action_id" => {
                if fr {
                    "action n° interne"
                } else {
                    "action id"
                }
            }
            "by" => {
                if fr {
                    "par"
                } else {
                    "by"
                }
            }
            "moved_to" => {
                if fr {
                    "déplacé vers l'action"
                } else {
                    "moved to action"
                }
            }
            "at" => {
                if fr {
                    "le"
                } else {
                    "at"
                }
            }
            other => return other.replace('_', " "),
        };
        s.to_string()
    }
}

pub static STAFF_FR: StaffStrings = StaffStrings {
    lang: Lang::Fr,
    login_title: "Connexion du personnel",
    already_logged_in: "Vous êtes déjà connecté·e en tant que",
    login_failed: "Nom ou mot de passe incorrect.",
    login_locked: "Trop de tentatives échouées : réessayez dans un quart d'heure.",
    user_name: "Nom d'utilisateur",
    password: "Mot de passe",
    log_in: "Se connecter",
    log_out: "Se déconnecter",
    nav_review: "Revue des liens",
    nav_aliases: "Alias",
    role_editor: "éditeur",
    role_admin: "administrateur",
    not_saved: "Modification non enregistrée",

    review_title: "Revue des liens proposés",
    stats_title: "Précision mesurée du rapprochement",
    manual_title: "Ajouter un lien à la main",
    queue_empty: "Aucun lien proposé n'attend de décision.",
    note_optional: "Note (facultative)",
    note_required: "Note (obligatoire : pourquoi ce lien)",
    confirm_selected: "Confirmer les liens cochés",
    select_for_bulk: "Cocher pour confirmer en lot",
    confirm: "Confirmer",
    reject: "Rejeter",
    move_to: "Déplacer vers l'action",
    move_button: "Déplacer",
    possible_title: "Liens possibles manqués",
    possible_lead: "Questions que le matcher a jugées juste sous le seuil pour une action : lier si elles la concernent, écarter sinon (le matcher apprend des deux).",
    accept_possible: "Lier",
    dismiss_possible: "Écarter",
    choose_action: "Choisissez une action.",
    merge_title: "Fusionner les deux liens ?",
    merge_button: "Fusionner",
    cancel: "Annuler",
    manual_intro: "Reliez un passage d'une question à une action que le rapprochement automatique n'a pas trouvée. Donnez la référence imprimée sur la question : la législature, le nom du ministre interrogé et le numéro de la question.",
    question_id: "Question",
    ref_legislature: "Législature",
    decision_done: "C'est fait : lien",
    undo: "Annuler cette décision",
    ref_minister: "Ministre interrogé (nom)",
    ref_number: "Numéro de la question",
    incomplete_reference: "Donnez la législature, le nom du ministre et le numéro de la question.",
    several_questions: "Plusieurs questions portent cette référence ; choisissez :",
    choose: "Choisir",
    choose_passage: "Passage",
    action_label: "Action",
    add_link: "Ajouter le lien",
    choose_passage_and_action: "Choisissez un passage et une action.",
    stats_intro: "Pour les liens proposés par le rapprochement automatique : combien le personnel en a confirmé ou rejeté, par tranche de score. La part des liens confirmés parmi les liens revus est la précision mesurée.",
    stats_caption: "Décisions par tranche de score",
    score_band: "Score",
    proposed: "En attente",
    confirmed: "Confirmés",
    rejected: "Rejetés",
    precision: "Précision",
    manual_links: "Liens ajoutés à la main (manqués par le rapprochement)",

    choose_status: "Choisissez un statut.",
    assessment_title: "Évaluation du personnel",
    disagrees: "Désaccord :",
    evidence_says: "les réponses indiquent",
    agrees: "Cette évaluation concorde avec le statut tiré des réponses.",
    no_assessment: "Aucune évaluation du personnel : le statut affiché est celui tiré des réponses.",
    history_link: "Historique des modifications",
    new_status: "Nouveau statut",
    justification_required: "Justification (obligatoire)",
    save_assessment: "Enregistrer l'évaluation",

    history_title: "Historique",
    history_intro: "Chaque modification faite par le personnel sur cette action : qui, quand, avant, après et pourquoi.",
    history_empty: "Aucune modification du personnel pour cette action.",
    when: "Quand",
    who: "Qui",
    what: "Quoi",
    before: "Avant",
    after: "Après",
    why: "Pourquoi",

    reason_optional: "Raison (facultative)",
    aliases_title: "Alias et ministres",
    aliases_intro: "Les noms sous lesquels les organisations et les ministres apparaissent. Le prochain rapprochement (vigie match) les utilise.",
    organisation_aliases: "Alias des organisations",
    remove: "Retirer",
    add_alias: "Ajouter un alias",
    alias: "Alias",
    add: "Ajouter",
    minister_mapping: "Ministres et portefeuilles",
    minister_mapping_intro: "Le plan désigne les ministres par leur portefeuille ; les questions par leur nom. Associez un portefeuille du plan au ministre qui répond quand le libellé a trop changé pour être reconnu.",
    no_mapping: "Aucune association.",
    plan_portfolio: "Portefeuille dans le plan",
    add_mapping: "Associer",
    choose_organisation: "Choisissez une organisation.",
    choose_minister: "Choisissez un ministre.",
};

pub static STAFF_EN: StaffStrings = StaffStrings {
    lang: Lang::En,
    login_title: "Staff login",
    already_logged_in: "You are already logged in as",
    login_failed: "Wrong name or password.",
    login_locked: "Too many failed attempts: try again in a quarter of an hour.",
    user_name: "User name",
    password: "Password",
    log_in: "Log in",
    log_out: "Log out",
    nav_review: "Link review",
    nav_aliases: "Aliases",
    role_editor: "editor",
    role_admin: "admin",
    not_saved: "Change not saved",

    review_title: "Review of proposed links",
    stats_title: "Measured precision of the matcher",
    manual_title: "Add a link by hand",
    queue_empty: "No proposed link awaits a decision.",
    note_optional: "Note (optional)",
    note_required: "Note (required: why this link)",
    confirm_selected: "Confirm the ticked links",
    select_for_bulk: "Tick to confirm together",
    confirm: "Confirm",
    reject: "Reject",
    move_to: "Move to action",
    move_button: "Move",
    possible_title: "Possible missed links",
    possible_lead: "Questions the matcher scored just under the threshold for an action: link them if they concern it, dismiss them if not (the matcher learns from both).",
    accept_possible: "Link",
    dismiss_possible: "Dismiss",
    choose_action: "Choose an action.",
    merge_title: "Merge the two links?",
    merge_button: "Merge",
    cancel: "Cancel",
    manual_intro: "Link a passage of a question to an action the matcher did not find. Give the reference printed on the question: the legislature, the surname of the minister it was put to, and its number.",
    question_id: "Question",
    ref_legislature: "Legislature",
    decision_done: "Done: link",
    undo: "Undo this decision",
    ref_minister: "Minister asked (surname)",
    ref_number: "Question number",
    incomplete_reference: "Give the legislature, the minister's surname and the question's number.",
    several_questions: "Several questions carry this reference; choose one:",
    choose: "Choose",
    choose_passage: "Passage",
    action_label: "Action",
    add_link: "Add the link",
    choose_passage_and_action: "Choose a passage and an action.",
    stats_intro: "For the links the matcher proposed: how many staff confirmed or rejected, by score band. The share confirmed among those reviewed is the measured precision.",
    stats_caption: "Decisions by score band",
    score_band: "Score",
    proposed: "Awaiting",
    confirmed: "Confirmed",
    rejected: "Rejected",
    precision: "Precision",
    manual_links: "Links added by hand (missed by the matcher)",

    choose_status: "Choose a status.",
    assessment_title: "Staff assessment",
    disagrees: "Disagreement:",
    evidence_says: "the answers indicate",
    agrees: "This assessment agrees with the status drawn from the answers.",
    no_assessment: "No staff assessment: the status shown is the one drawn from the answers.",
    history_link: "History of changes",
    new_status: "New status",
    justification_required: "Justification (required)",
    save_assessment: "Save the assessment",

    history_title: "History",
    history_intro: "Every change staff made to this action: who, when, before, after and why.",
    history_empty: "No staff change for this action.",
    when: "When",
    who: "Who",
    what: "What",
    before: "Before",
    after: "After",
    why: "Why",

    reason_optional: "Reason (optional)",
    aliases_title: "Aliases and ministers",
    aliases_intro: "The names organisations and ministers appear under. The next matcher run (vigie match) uses them.",
    organisation_aliases: "Organisation aliases",
    remove: "Remove",
    add_alias: "Add an alias",
    alias: "Alias",
    add: "Add",
    minister_mapping: "Ministers and portfolios",
    minister_mapping_intro: "The plan names ministers by portfolio; questions by name. Pair a plan portfolio with the minister who answers when the wording changed too much to be recognised.",
    no_mapping: "No pairing.",
    plan_portfolio: "Portfolio in the plan",
    add_mapping: "Pair",
    choose_organisation: "Choose an organisation.",
    choose_minister: "Choose a minister.",
};

// ---------------------------------------------------------------------------------------------
// Atom feeds (new evidence overall, per action).

impl Lang {
    /// The Atom feeds' strings.
    pub fn feed(self) -> &'static FeedStrings {
        match self {
            Lang::Fr => &FEED_FR,
            Lang::En => &FEED_EN,
        }
    }
}

/// Every fixed string of the Atom feeds. An entry's summary reads, in French: « Question n°252
/// (19/24) de X à Y, réponse du 11/06/2020. Liée à l'action 1.2 (En cours) : … — score 0.41, lien
/// proposé par le moteur. »
#[derive(Debug)]
pub struct FeedStrings {
    pub evidence_title: &'static str,
    pub evidence_subtitle: &'static str,
    /// Followed by the action's code and title.
    pub action_title: &'static str,
    /// Followed by the action's code and its status in brackets.
    pub action_subtitle: &'static str,
    /// Before the question's number.
    pub question_number: &'static str,
    /// Between the legislature and the member.
    pub asked_by: &'static str,
    /// Between the member and the minister.
    pub asked_to: &'static str,
    /// Followed by the answer's date.
    pub answered_on: &'static str,
    pub not_answered: &'static str,
    /// Followed by the action's code.
    pub linked_to_action: &'static str,
    pub link: &'static str,
    pub link_proposed: &'static str,
    pub link_confirmed: &'static str,
    pub link_rejected: &'static str,
    /// A colon with the language's spacing (French puts a space before it).
    pub colon: &'static str,
}

pub static FEED_FR: FeedStrings = FeedStrings {
    evidence_title: "Vigie — nouveaux éléments de suivi parlementaire",
    evidence_subtitle: "Questions écrites et réponses liées aux actions du plan, les plus récentes d'abord",
    action_title: "Vigie — action",
    action_subtitle: "Suivi parlementaire de l'action",
    question_number: "Question n°",
    asked_by: "de",
    asked_to: "à",
    answered_on: "réponse du",
    not_answered: "sans réponse à ce jour",
    linked_to_action: "Liée à l'action",
    link: "lien",
    link_proposed: "proposé par le moteur",
    link_confirmed: "confirmé par l'équipe",
    link_rejected: "rejeté",
    colon: " : ",
};

pub static FEED_EN: FeedStrings = FeedStrings {
    evidence_title: "Vigie — new parliamentary follow-up evidence",
    evidence_subtitle: "Written questions and answers linked to the plan's actions, newest first",
    action_title: "Vigie — action",
    action_subtitle: "Parliamentary follow-up of action",
    question_number: "Question no. ",
    asked_by: "by",
    asked_to: "to",
    answered_on: "answered on",
    not_answered: "not answered yet",
    linked_to_action: "Linked to action",
    link: "link",
    link_proposed: "proposed by the matcher",
    link_confirmed: "confirmed by staff",
    link_rejected: "rejected",
    colon: ": ",
};
