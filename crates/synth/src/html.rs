//! Synthetic questions as the Brussels Parliament publishes them: the "weblex" detail page
//! (`/weblex-quest-det/?moncode=<moncode>&base=1`), French version, in two shapes.
//!
//! - [`Shape::Fragment`]: what the corpus keeps (`/work/shared/corpus/brussels-qe-24-29/html/`),
//!   from the print logo (`<img … id="logoPrint"/>`) to the end of `<section
//!   id="weblex-quest-det-fr">`: the h3 title, the `<dl>` with `de`/`à`, the dates table, the acts
//!   table, then the table holding the question and the answer.
//! - [`Shape::WholePage`]: the page as a browser saves it: the fragment inside the site's head
//!   (stylesheets, inline styles and scripts, its `canonical`/`alternate` links), header, menus,
//!   cookie banner, footer and trailing scripts. The real pages weigh 60–83 kB, about 55 kB of which
//!   is this chrome; the generated chrome weighs 56–62 kB.
//!
//! The markup mirrors the site's: Latin-1 letters as named entities (`&eacute;`), `&nbsp;`, the
//! question's apostrophes as Windows-1252 references (`&#146;`, the "converting iso-8859-1" path)
//! and the answer's as `&rsquo;`, the `<!-- FR -->` and `Matière(s)` comments, the two style
//! blocks, unclosed label cells, `<p>` paragraphs and `<ul><li>` lists, answers wrapped in `<SPAN
//! STYLE= "" >` and sometimes in a one-column layout table, answers holding a data table.
//!
//! A page says what the text rendering ([`crate::question`]) says, block for block (its
//! [`Body`](crate::question::Body) is filled while the text is written), so that both are read into
//! the same question. Where they must differ, the page follows the site: a title never runs on (its
//! sentence opens the question's text), `<ul>` items read as `• ` whatever the text's bullet, and the
//! act "Question orale transformée en question écrite" names the member in its "de" column.
//!
//! Deterministic: a page depends only on (seed, index), through its own random stream.

use chrono::NaiveDate;

use crate::question::{Piece, SynthQuestion, question};
use crate::rng::Rng;
use crate::text::thousands;

/// Random stream of the HTML renderings ("HTML").
const STREAM: u64 = 0x4854_4d4c;

/// The site's address.
pub const SITE: &str = "https://www.parlement.brussels";

/// How a page is saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// From the print logo to the end of the question section, as the corpus keeps it.
    Fragment,
    /// The whole page as a browser saves it, with the site's chrome.
    WholePage,
}

/// The file name of a page: `<moncode>.html`, as in the corpus (the reader takes the moncode of a
/// fragment from it).
pub fn page_file_name(q: &SynthQuestion) -> String {
    format!("{}.html", q.moncode)
}

/// The `i`-th question of `seed` as a page of `shape`.
pub fn question_page(seed: u64, i: usize, shape: Shape) -> String {
    render(&question(seed, i), shape)
}

/// A generated question as a page of `shape`.
pub fn render(q: &SynthQuestion, shape: Shape) -> String {
    let mut rng = Rng::for_item(q.seed, STREAM, q.index as u64);
    let fragment = fragment(q, &mut rng);
    match shape {
        Shape::Fragment => fragment,
        Shape::WholePage => whole_page(q, &fragment, &mut rng),
    }
}

/// How a text writes the typographic apostrophe.
#[derive(Clone, Copy)]
enum Apos {
    /// `&#146;`, the Windows-1252 reference of the question texts.
    Cp1252,
    /// `&rsquo;`.
    Named,
    /// `’` as such.
    Raw,
}

/// Escapes text as the site does: markup characters, Latin-1 letters and typography as named
/// entities, the straight apostrophe as `&#039;` in the header (`apos_039`), as such in texts.
fn enc(s: &str, apos: Apos, apos_039: bool) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 4);
    for c in s.chars() {
        let e = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '\u{a0}' => "&nbsp;",
            '\'' if apos_039 => "&#039;",
            '’' => match apos {
                Apos::Cp1252 => "&#146;",
                Apos::Named => "&rsquo;",
                Apos::Raw => "’",
            },
            '«' => "&laquo;",
            '»' => "&raquo;",
            '“' => "&ldquo;",
            '”' => "&rdquo;",
            '€' => "&euro;",
            '°' => "&deg;",
            'œ' => "&oelig;",
            '–' => "&ndash;",
            '…' => "&hellip;",
            '•' => "&bull;",
            'é' => "&eacute;",
            'è' => "&egrave;",
            'ê' => "&ecirc;",
            'ë' => "&euml;",
            'à' => "&agrave;",
            'â' => "&acirc;",
            'ä' => "&auml;",
            'î' => "&icirc;",
            'ï' => "&iuml;",
            'ô' => "&ocirc;",
            'ö' => "&ouml;",
            'ù' => "&ugrave;",
            'û' => "&ucirc;",
            'ü' => "&uuml;",
            'ç' => "&ccedil;",
            'É' => "&Eacute;",
            'È' => "&Egrave;",
            'Ê' => "&Ecirc;",
            'À' => "&Agrave;",
            'Â' => "&Acirc;",
            'Î' => "&Icirc;",
            'Ô' => "&Ocirc;",
            'Ç' => "&Ccedil;",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(e);
    }
    out
}

/// Header text (names, portfolio, title): `'` as `&#039;`.
fn head(s: &str) -> String {
    enc(s, Apos::Named, true)
}

fn date(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "//".to_string(), |d| d.format("%d/%m/%Y").to_string())
}

const LOGO: &str = r#"<img src="https://www.parlement.brussels/wp-content/themes/parbru_2019/assets/img/logo.png" alt="Logo Parlement Buxellois" id="logoPrint"/>"#;

const SECTION_OPEN: &str = r#"	<div id="main">
<section id="weblex-quest-det-fr" class="sectionFlexibleBlocks  sectionNoShadow ">
   <div class="contentSectionFlexibleBlocks">
   
    
    
<div class="blockOneColumn appear  width-70">
            <div class="high"><div><style type="text/css">   
dl {
  width: 100%;
  overflow: hidden;
  padding: 0;
  margin: 0
}
dt {
    float: left;
    clear: left;
    text-align: left;
}
</style>  

<!-- FR -->
<style type="text/css"> dd {margin: 0 0 0 60px;padding: 0 0 0.5em 0;}</style> 
"#;

const MATIERES: &str = "<!--
<dt><b>Mati&egrave;re(s):</b></dt>
<dd>
\t</dd>
-->
</dl>

&nbsp;

";

/// The download icon of the acts table's "Référence" header (the site inlines an SVG).
const DOWNLOAD_SVG: &str = r##"<svg height="20px" xmlns="http://www.w3.org/2000/svg" viewBox="-2880.538 4429.707 41.538 51.48">   <defs>     <style>       .cls-1 {         fill: #083b99; }        .cls-2 {         fill: #2652a5;  }     </style>   </defs>   <g id="download" transform="translate(-2883.753 4429.707)">     <g id="Groupe_779" data-name="Groupe 779" transform="translate(16.54 19.339)">       <path id="Tracé_1443" data-name="Tracé 1443" class="cls-1" d="M16.919,31.494h0a.773.773,0,0,1-.773-.773l0-17.441a.773.773,0,0,1,.773-.773h0a.773.773,0,0,1,.773.773l0,17.441A.773.773,0,0,1,16.919,31.494Z" transform="translate(-9.476 -12.507)"></path>       <path id="Tracé_1444" data-name="Tracé 1444" class="cls-1" d="M19.275,27.688a.777.777,0,0,1-.547-.226l-6.669-6.669A.773.773,0,1,1,13.152,19.7l6.122,6.122L25.4,19.7a.773.773,0,1,1,1.093,1.093L19.82,27.462A.764.764,0,0,1,19.275,27.688Z" transform="translate(-11.833 -8.701)"></path>     </g>   </g> </svg>"##;

const SECTION_CLOSE: &str = "</div>
</div>
          
</div>
    </div>

</section>";

fn fragment(q: &SynthQuestion, rng: &mut Rng) -> String {
    let b = &q.body;
    let mut o = String::with_capacity(q.text.len() * 2 + 8_192);
    o.push_str(LOGO);
    o.push('\n');
    o.push_str(SECTION_OPEN);
    o.push_str(&format!(
        "<h3>Question &eacute;crite concernant {}</h3>\n\n<dl>\n",
        head(&b.title)
    ));
    o.push_str(&format!(
        "<dt>de </dt><b><dd>{}</dd></b><dt>&agrave;</dt><dd><b>{}</b>, {} (question n&deg;{})</dd><br/>\n",
        head(&q.author),
        head(q.addressee_name),
        head(q.addressee_portfolio),
        q.number
    ));
    o.push_str(MATIERES);

    // Dates.
    o.push_str(&format!(
        "<table width=\"100%\" border=0>
\t<tr>
\t\t<td width=\"40%\" colspan=\"2\">
\t\t\t<b>Date de r&eacute;ception:</b> {}\t\t</td>
\t\t<td width=\"30%\">
\t\t\t<b>Date de publication:</b> {}\t\t</td>
\t\t<td width=\"30%\">
\t\t\t<!-- lien vers la publication -->
\t\t\t\t\t</td>
\t</tr>
\t<tr>
\t\t<td width=\"20%\"><b>L&eacute;gislature:</b> {}</td>
\t\t<td width=\"20%\"><b>Session:</b> {}</td>
\t\t<td width=\"30%\">
\t\t\t<b>Date de r&eacute;ponse:</b> {}\t\t</td>

\t\t<td width=\"30%\">
\t\t\t\t\t</td>
\t</tr>
</table>

&nbsp;

",
        date(Some(q.received)),
        date(q.published),
        q.legislature,
        q.session,
        date(q.answered)
    ));

    // Acts.
    o.push_str(&format!(
        "<table width=\"100%\">
\t<tr>
\t\t<td width=\"15%\"><b>Date</b></td>
\t\t<td width=\"35%\"><b>Intitul&eacute; de l'acte</b></td>
\t\t<td width=\"20%\"><b>de </b></td>
\t\t<td width=\"20%\"><b>R&eacute;f&eacute;rence</b> 
\t\t{DOWNLOAD_SVG}
\t\t</td>
\t\t<td width=\"10%\"><b>page</b></td>
\t</tr>



<!-- sql1 - mise en page -->
"
    ));
    for (k, act) in b.acts.iter().enumerate() {
        if k > 0 {
            o.push_str("    ");
        }
        // An annex links its PDF from the reference column.
        let reference = if act.label.starts_with("Annexe") {
            format!(
                "<a href=\"https://weblex.brussels/data/annexes/{}_{}.pdf\" target=\"_blank\">{}</a>",
                q.moncode,
                rng.range(1, 9),
                rng.range(100, 999)
            )
        } else {
            String::new()
        };
        o.push_str(&format!(
            "\t\t<tr>
\t\t\t<td width=\"15%\">
\t\t\t\t{}\t\t\t</td>
\t\t\t<td width=\"35%\">
\t\t\t\t{}\t\t\t</td>
\t\t\t<td width=\"20%\">
\t\t\t\t {}\t\t\t</td>
\t\t\t<td width=\"20%\" align=\"left\">
\t\t\t\t\t\t\t{reference}</td>
\t\t\t<td width=\"10%\" align=\"left\">
\t\t\t\t\t\t\t</td>
\t\t</tr>
\t\t
",
            date(Some(act.date)),
            head(act.label),
            head(&act.by)
        ));
    }
    o.push_str("    \t\n</table>\n\n");

    // Question and answer.
    o.push_str("<!-- converting iso-8859-1 question to UTF-8 -->\n&nbsp;<table width=\"100%\">\n\t\t\t<tr>\n");
    o.push_str("\t\t\t\t\t<td style=\"padding-right: 20px;vertical-align: top;\"><b>Question &nbsp;&nbsp;</b>\n");
    o.push_str("\t\t\t\t\t<td valign=\"top\">");
    let spans = rng.chance(0.4);
    pieces(&mut o, &b.question, Apos::Cp1252, spans, true, rng);
    o.push_str("</td>\n\t\t\t</tr>");
    if !b.answer.is_empty() {
        o.push_str(
            "\n\t\t<tr><td></td><td style=\"border-bottom: 1px solid;\">&nbsp;</td></tr>\n\t\t<tr><td colspan=2>&nbsp;</td></tr>\n\t\t<tr>\n",
        );
        o.push_str("\t\t\t<td style=\"padding-right: 20px;vertical-align: top;\"><b>R&eacute;ponse &nbsp;&nbsp;</b>\n");
        o.push_str("\t\t\t<td valign=\"top\"><SPAN STYLE= \"\" >");
        let apos = if rng.chance(0.7) {
            Apos::Named
        } else {
            Apos::Raw
        };
        // Some answers come from a word processor inside a one-column layout table.
        if rng.chance(0.3) {
            o.push_str("<table width=\"0\"><tbody><tr><td width=\"");
            o.push_str(&rng.range(600, 700).to_string());
            o.push_str("\">");
            pieces(&mut o, &b.answer, apos, false, false, rng);
            o.push_str("</td></tr></tbody></table>");
        } else {
            pieces(&mut o, &b.answer, apos, false, false, rng);
        }
        o.push_str("</SPAN></td>\n\t\t</tr>");
    }
    o.push_str("</table>");
    o.push_str(SECTION_CLOSE);
    o
}

/// Writes text blocks: `<p>` paragraphs (the question's in coloured spans, some), `<ul>` lists
/// (the question's items hold a `<p>`, as the site's editor writes them), data tables.
fn pieces(o: &mut String, ps: &[Piece], apos: Apos, spans: bool, question: bool, rng: &mut Rng) {
    let text = |s: &str| {
        let e = enc(s, apos, false);
        if spans {
            format!("<span style=\"color:#000000\">{e}</span>")
        } else {
            e
        }
    };
    let sep = if question { "\n\n" } else { "" };
    for (k, p) in ps.iter().enumerate() {
        if k > 0 {
            o.push_str(sep);
        }
        match p {
            Piece::Para(s) => {
                o.push_str("<p>");
                o.push_str(&text(s));
                o.push_str("</p>");
            }
            Piece::Lines(ls) => {
                o.push_str("<p><strong>");
                o.push_str(&text(&ls[0]));
                o.push_str("</strong>");
                for l in &ls[1..] {
                    o.push_str("<br />\n");
                    o.push_str(&text(l));
                }
                o.push_str("</p>");
            }
            Piece::List(items) => {
                o.push_str("<ul>");
                for it in items {
                    if question {
                        o.push_str("\n\t<li>\n\t<p>");
                        o.push_str(&text(it));
                        o.push_str("</p>\n\t</li>");
                    } else {
                        o.push_str("<li>");
                        o.push_str(&text(it));
                        o.push_str("</li>");
                    }
                }
                o.push_str(if question { "\n</ul>" } else { "</ul>" });
            }
            Piece::Table(rows) => {
                let widths: Vec<usize> = rows
                    .first()
                    .map(|r| r.iter().map(|_| rng.range(47, 120)).collect())
                    .unwrap_or_default();
                let height = rng.chance(0.5).then(|| rng.range(30, 61));
                o.push_str("<table border=\"1\"><tbody>");
                for (r, row) in rows.iter().enumerate() {
                    match height {
                        Some(h) => o.push_str(&format!("<tr style=\"height: {h}px;\">")),
                        None => o.push_str("<tr>"),
                    }
                    for (c, cell) in row.iter().enumerate() {
                        let w = widths.get(c).copied().unwrap_or(80);
                        match height {
                            Some(h) => {
                                o.push_str(&format!("<td style=\"height: {h}px;\" width=\"{w}\">"))
                            }
                            None => o.push_str(&format!("<td width=\"{w}\">")),
                        }
                        let cell = enc(cell, apos, false);
                        if r == 0 || c == 0 {
                            o.push_str(&format!("<p><strong>{cell}</strong></p></td>"));
                        } else {
                            o.push_str(&format!("<p>{cell}</p></td>"));
                        }
                    }
                    o.push_str("</tr>");
                }
                o.push_str("</tbody></table>");
            }
            Piece::Empty => o.push_str("<p>&nbsp;</p>"),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The site's chrome around the fragment, for whole pages.

/// The site's menus: (section, pages). Labels as the site writes them; the links are made from them.
const MENUS: &[(&str, &[&str])] = &[
    (
        "Le Parlement",
        &[
            "Pr&eacute;sentation",
            "Histoire",
            "Le b&acirc;timent",
            "Organes",
            "Pr&eacute;sident",
            "Bureau",
            "Bureau &eacute;largi",
            "Conf&eacute;rence des pr&eacute;sidents",
            "Groupes politiques",
            "Commissions permanentes",
            "Commissions sp&eacute;ciales",
            "Comit&eacute; d&#039;avis pour l&#039;&eacute;galit&eacute; des chances",
            "Administration",
            "Greffe",
            "Budget et comptes",
            "March&eacute;s publics",
            "Emplois",
            "Rapport d&#039;activit&eacute;s",
        ],
    ),
    (
        "Les d&eacute;put&eacute;s",
        &[
            "Composition",
            "D&eacute;put&eacute;s par groupe",
            "D&eacute;put&eacute;s par commune",
            "Anciens d&eacute;put&eacute;s",
            "Mandats et r&eacute;mun&eacute;rations",
            "D&eacute;clarations de mandats",
            "Code de d&eacute;ontologie",
            "Commission d&eacute;ontologique",
        ],
    ),
    (
        "Travaux parlementaires",
        &[
            "S&eacute;ances pl&eacute;ni&egrave;res",
            "Ordre du jour",
            "Comptes rendus",
            "R&eacute;unions des commissions",
            "Questions &eacute;crites",
            "Questions orales",
            "Interpellations",
            "Propositions d&#039;ordonnance",
            "Projets d&#039;ordonnance",
            "Propositions de r&eacute;solution",
            "Textes adopt&eacute;s",
            "Bulletin des questions et r&eacute;ponses",
            "Recherche dans les documents",
            "Calendrier",
            "Vid&eacute;os des s&eacute;ances",
        ],
    ),
    (
        "Participation citoyenne",
        &[
            "Commissions d&eacute;lib&eacute;ratives",
            "P&eacute;titions",
            "Introduire une p&eacute;tition",
            "Suggestions citoyennes",
            "Tirage au sort",
            "R&eacute;sultats des commissions d&eacute;lib&eacute;ratives",
            "Foire aux questions",
        ],
    ),
    (
        "Visiter",
        &[
            "Visites guid&eacute;es",
            "Visites scolaires",
            "Assister &agrave; une s&eacute;ance",
            "Expositions",
            "Journ&eacute;es du patrimoine",
            "Acc&egrave;s et plan",
            "Accessibilit&eacute;",
        ],
    ),
    (
        "Actualit&eacute;s",
        &[
            "Communiqu&eacute;s de presse",
            "Agenda",
            "Newsletter",
            "Espace presse",
            "Photos",
            "Publications",
            "Parlement des jeunes",
            "Prix du Parlement",
        ],
    ),
];

const COOKIE_CATEGORIES: &[(&str, &str)] = &[
    (
        "N&eacute;cessaires",
        "Ces cookies sont indispensables au fonctionnement du site&nbsp;: ils permettent la navigation, la s&eacute;curit&eacute; des formulaires et la m&eacute;morisation de vos choix en mati&egrave;re de cookies. Ils ne peuvent pas &ecirc;tre d&eacute;sactiv&eacute;s.",
    ),
    (
        "Pr&eacute;f&eacute;rences",
        "Ces cookies retiennent vos pr&eacute;f&eacute;rences, comme la langue choisie ou la taille du texte, afin de vous offrir une exp&eacute;rience plus personnelle lors de vos prochaines visites.",
    ),
    (
        "Statistiques",
        "Ces cookies nous aident &agrave; comprendre comment les visiteurs utilisent le site, de fa&ccedil;on anonyme, afin d&#039;en am&eacute;liorer le contenu et la structure. Les donn&eacute;es sont agr&eacute;g&eacute;es et ne permettent pas de vous identifier.",
    ),
    (
        "M&eacute;dias externes",
        "Ces cookies permettent d&#039;afficher les vid&eacute;os des s&eacute;ances et les contenus de plateformes tierces. Ces plateformes peuvent d&eacute;poser leurs propres cookies, soumis &agrave; leur politique de confidentialit&eacute;.",
    ),
];

/// An ASCII slug of a label written with entities (`Pr&eacute;sident` → `president`).
fn slug(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    let mut chars = label.chars();
    while let Some(c) = chars.next() {
        if c == '&' {
            let entity: String = chars.by_ref().take_while(|&c| c != ';').collect();
            if let Some(first) = entity.chars().next().filter(char::is_ascii_alphabetic) {
                out.push(first.to_ascii_lowercase());
            } else {
                out.push('-');
            }
        } else if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// A hex string of `n` digits (nonces, hashes in asset names).
fn hex(rng: &mut Rng, n: usize) -> String {
    let mut s = String::with_capacity(n);
    while s.len() < n {
        s.push_str(&format!("{:016x}", rng.next_u64()));
    }
    s.truncate(n);
    s
}

fn whole_page(q: &SynthQuestion, fragment: &str, rng: &mut Rng) -> String {
    let mut o = String::with_capacity(fragment.len() + 64 * 1024);
    let url = format!("{SITE}/weblex-quest-det/?moncode={}&amp;base=1", q.moncode);
    let url_nl = format!(
        "{SITE}/nl/weblex-quest-det-nl/?moncode={}&amp;base=1",
        q.moncode
    );
    let title = format!("Question &eacute;crite concernant {}", head(&q.body.title));
    let nonce = hex(rng, 10);
    let ver = format!(
        "{}.{}.{}",
        rng.range(5, 6),
        rng.range(0, 9),
        rng.range(0, 20)
    );

    // Head.
    o.push_str("<!DOCTYPE html>\n<html lang=\"fr-FR\" class=\"no-js\">\n<head>\n");
    o.push_str("\t<meta charset=\"UTF-8\">\n\t<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    o.push_str("\t<meta http-equiv=\"X-UA-Compatible\" content=\"IE=edge\">\n\t<link rel=\"profile\" href=\"https://gmpg.org/xfn/11\">\n");
    o.push_str(&format!(
        "\t<title>D&eacute;tail question - Parlement bruxellois</title>\n\
         \t<meta name=\"description\" content=\"{title}\" />\n\
         \t<meta name=\"robots\" content=\"index, follow, max-image-preview:large, max-snippet:-1, max-video-preview:-1\" />\n\
         \t<link rel=\"canonical\" href=\"{SITE}/weblex-quest-det/\" />\n\
         \t<meta property=\"og:locale\" content=\"fr_FR\" />\n\
         \t<meta property=\"og:type\" content=\"article\" />\n\
         \t<meta property=\"og:title\" content=\"D&eacute;tail question - Parlement bruxellois\" />\n\
         \t<meta property=\"og:url\" content=\"{SITE}/weblex-quest-det/\" />\n\
         \t<meta property=\"og:site_name\" content=\"Parlement bruxellois\" />\n\
         \t<meta property=\"article:modified_time\" content=\"{}T{:02}:{:02}:{:02}+00:00\" />\n\
         \t<meta name=\"twitter:card\" content=\"summary_large_image\" />\n\
         \t<link rel=\"alternate\" hreflang=\"fr\" href=\"{url}\" />\n\
         \t<link rel=\"alternate\" hreflang=\"nl\" href=\"{url_nl}\" />\n\
         \t<link rel=\"alternate\" hreflang=\"x-default\" href=\"{url}\" />\n",
        q.received.format("%Y-%m-%d"),
        rng.range(6, 20),
        rng.range(0, 59),
        rng.range(0, 59)
    ));
    // Structured data, as the site's SEO plugin writes it.
    o.push_str("\t<script type=\"application/ld+json\" class=\"yoast-schema-graph\">{\"@context\":\"https://schema.org\",\"@graph\":[");
    o.push_str(&format!(
        "{{\"@type\":\"WebPage\",\"@id\":\"{SITE}/weblex-quest-det/\",\"url\":\"{SITE}/weblex-quest-det/\",\"name\":\"D\\u00e9tail question - Parlement bruxellois\",\"isPartOf\":{{\"@id\":\"{SITE}/#website\"}},\"datePublished\":\"2019-09-{:02}T09:12:45+00:00\",\"breadcrumb\":{{\"@id\":\"{SITE}/weblex-quest-det/#breadcrumb\"}},\"inLanguage\":\"fr-FR\",\"potentialAction\":[{{\"@type\":\"ReadAction\",\"target\":[\"{SITE}/weblex-quest-det/\"]}}]}},",
        rng.range(1, 28)
    ));
    o.push_str(&format!(
        "{{\"@type\":\"BreadcrumbList\",\"@id\":\"{SITE}/weblex-quest-det/#breadcrumb\",\"itemListElement\":[{{\"@type\":\"ListItem\",\"position\":1,\"name\":\"Accueil\",\"item\":\"{SITE}/\"}},{{\"@type\":\"ListItem\",\"position\":2,\"name\":\"D\\u00e9tail question\"}}]}},\
         {{\"@type\":\"WebSite\",\"@id\":\"{SITE}/#website\",\"url\":\"{SITE}/\",\"name\":\"Parlement bruxellois\",\"description\":\"Parlement de la R\\u00e9gion de Bruxelles-Capitale\",\"publisher\":{{\"@id\":\"{SITE}/#organization\"}},\"potentialAction\":[{{\"@type\":\"SearchAction\",\"target\":{{\"@type\":\"EntryPoint\",\"urlTemplate\":\"{SITE}/?s={{search_term_string}}\"}},\"query-input\":\"required name=search_term_string\"}}],\"inLanguage\":\"fr-FR\"}},\
         {{\"@type\":\"Organization\",\"@id\":\"{SITE}/#organization\",\"name\":\"Parlement bruxellois\",\"url\":\"{SITE}/\",\"logo\":{{\"@type\":\"ImageObject\",\"inLanguage\":\"fr-FR\",\"@id\":\"{SITE}/#/schema/logo/image/\",\"url\":\"{SITE}/wp-content/uploads/2019/09/logo.png\",\"contentUrl\":\"{SITE}/wp-content/uploads/2019/09/logo.png\",\"width\":512,\"height\":512,\"caption\":\"Parlement bruxellois\"}},\"sameAs\":[\"https://www.facebook.com/parlementbruxellois\",\"https://x.com/parlbruparl\",\"https://www.instagram.com/parlement.bruxellois/\",\"https://www.youtube.com/c/ParlementbruxelloisBrusselsParlement\"]}}]}}</script>\n"
    ));
    for name in [
        "wp-block-library",
        "classic-theme-styles",
        "contact-form-7",
        "cookie-law-info",
        "cookie-law-info-gdpr",
        "wpml-legacy-horizontal-list-0",
        "wpml-menu-item-0",
        "parbru-fonts",
        "parbru-slick",
        "parbru-fancybox",
        "parbru-main",
        "parbru-print",
        "dashicons",
        "searchwp-forms",
    ] {
        o.push_str(&format!(
            "\t<link rel='stylesheet' id='{name}-css' href='{SITE}/wp-content/plugins/{name}/assets/css/{name}.min.css?ver={ver}' media='all' />\n"
        ));
    }
    // The block editor's global styles: a long inline style block.
    o.push_str("\t<style id='global-styles-inline-css'>\nbody{");
    let colours = [
        "black",
        "cyan-bluish-gray",
        "white",
        "pale-pink",
        "vivid-red",
        "luminous-vivid-orange",
        "luminous-vivid-amber",
        "light-green-cyan",
        "vivid-green-cyan",
        "pale-cyan-blue",
        "vivid-cyan-blue",
        "vivid-purple",
        "parbru-blue",
        "parbru-dark-blue",
        "parbru-light",
    ];
    for c in colours {
        o.push_str(&format!("--wp--preset--color--{c}: #{};", hex(rng, 6)));
    }
    for (k, g) in [
        "vivid-cyan-blue-to-vivid-purple",
        "light-green-cyan-to-vivid-green-cyan",
        "luminous-vivid-amber-to-luminous-vivid-orange",
        "luminous-vivid-orange-to-vivid-red",
        "very-light-gray-to-cyan-bluish-gray",
        "cool-to-warm-spectrum",
        "blush-light-purple",
        "blush-bordeaux",
        "luminous-dusk",
        "pale-ocean",
        "electric-grass",
        "midnight",
    ]
    .iter()
    .enumerate()
    {
        o.push_str(&format!(
            "--wp--preset--gradient--{g}: linear-gradient(135deg,rgba({},{},{},1) 0%,rgb({},{},{}) 100%);",
            k * 20,
            rng.range(0, 255),
            rng.range(0, 255),
            rng.range(0, 255),
            rng.range(0, 255),
            rng.range(0, 255)
        ));
    }
    for (s, px) in [
        ("small", 13),
        ("medium", 20),
        ("large", 36),
        ("x-large", 42),
    ] {
        o.push_str(&format!("--wp--preset--font-size--{s}: {px}px;"));
    }
    o.push_str("}\n");
    for c in colours {
        for (prop, what) in [
            ("color", "color"),
            ("background-color", "background-color"),
            ("border-color", "border-color"),
        ] {
            o.push_str(&format!(
                ".has-{c}-{what}{{{prop}: var(--wp--preset--color--{c}) !important;}}\n"
            ));
        }
    }
    for i in 1..=6 {
        o.push_str(&format!(
            ":where(.wp-block-columns.is-layout-flex){{gap: 2em;}}:where(.wp-block-columns.is-layout-grid){{gap: 2em;}}\
             .wp-block-heading.h{i}{{font-size:{}rem;line-height:1.{}}}\n",
            3 - i / 3,
            rng.range(1, 5)
        ));
    }
    o.push_str("\t</style>\n");
    o.push_str(&format!(
        "\t<script nonce=\"{nonce}\">window._wpemojiSettings = {{\"baseUrl\":\"https:\\/\\/s.w.org\\/images\\/core\\/emoji\\/15.0.3\\/72x72\\/\",\"ext\":\".png\",\"svgUrl\":\"https:\\/\\/s.w.org\\/images\\/core\\/emoji\\/15.0.3\\/svg\\/\",\"svgExt\":\".svg\",\"source\":{{\"concatemoji\":\"https:\\/\\/www.parlement.brussels\\/wp-includes\\/js\\/wp-emoji-release.min.js?ver={ver}\"}}}};\n\
         /*! This file is auto-generated */\n\
         !function(i,n){{var o,s,e;function c(e){{try{{var t={{supportTests:e,timestamp:(new Date).valueOf()}};sessionStorage.setItem(o,JSON.stringify(t))}}catch(e){{}}}}function p(e,t,n){{e.clearRect(0,0,e.canvas.width,e.canvas.height),e.fillText(t,0,0);var t=new Uint32Array(e.getImageData(0,0,e.canvas.width,e.canvas.height).data),r=(e.clearRect(0,0,e.canvas.width,e.canvas.height),e.fillText(n,0,0),new Uint32Array(e.getImageData(0,0,e.canvas.width,e.canvas.height).data));return t.every(function(e,t){{return e===r[t]}})}}function u(e,t,n){{switch(t){{case\"flag\":return n(e,\"\\ud83c\\udff3\\ufe0f\\u200d\\u26a7\\ufe0f\",\"\\ud83c\\udff3\\ufe0f\\u200b\\u26a7\\ufe0f\")?!1:!n(e,\"\\ud83c\\uddfa\\ud83c\\uddf3\",\"\\ud83c\\uddfa\\u200b\\ud83c\\uddf3\")&&!n(e,\"\\ud83c\\udff4\\udb40\\udc67\\udb40\\udc62\\udb40\\udc65\\udb40\\udc6e\\udb40\\udc67\\udb40\\udc7f\",\"\\ud83c\\udff4\\u200b\\udb40\\udc67\\u200b\\udb40\\udc62\\u200b\\udb40\\udc65\\u200b\\udb40\\udc6e\\u200b\\udb40\\udc67\\u200b\\udb40\\udc7f\");case\"emoji\":return!n(e,\"\\ud83d\\udc26\\u200d\\u2b1b\",\"\\ud83d\\udc26\\u200b\\u2b1b\")}}return!1}}function f(e,t,n){{var r=\"undefined\"!=typeof WorkerGlobalScope&&self instanceof WorkerGlobalScope?new OffscreenCanvas(300,150):i.createElement(\"canvas\"),a=r.getContext(\"2d\",{{willReadFrequently:!0}}),o=(a.textBaseline=\"top\",a.font=\"600 32px Arial\",{{}});return e.forEach(function(e){{o[e]=t(a,e,n)}}),o}}}}(window,document);\n\
         </script>\n"
    ));
    o.push_str(&format!(
        "\t<script nonce=\"{nonce}\">(function(w,d,s,l,i){{w[l]=w[l]||[];w[l].push({{'gtm.start':new Date().getTime(),event:'gtm.js'}});var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);}})(window,document,'script','dataLayer','GTM-{}');</script>\n",
        hex(rng, 7).to_uppercase()
    ));
    for name in [
        "jquery-core",
        "jquery-migrate",
        "cookie-law-info",
        "wpml-cookie",
    ] {
        o.push_str(&format!(
            "\t<script src=\"{SITE}/wp-includes/js/jquery/{name}.min.js?ver={ver}\" id=\"{name}-js\"></script>\n"
        ));
    }
    o.push_str("</head>\n\n<body class=\"page-template page-template-template-weblex page-template-template-weblex-php page wp-custom-logo lang-fr\">\n");
    o.push_str("<noscript><iframe src=\"https://www.googletagmanager.com/ns.html\" height=\"0\" width=\"0\" style=\"display:none;visibility:hidden\"></iframe></noscript>\n");
    o.push_str("<a class=\"skip-link screen-reader-text\" href=\"#main\">Aller au contenu</a>\n");

    // Header and menus.
    o.push_str("<header id=\"header\" class=\"header\">\n\t<div class=\"topBar\">\n\t\t<div class=\"container\">\n");
    o.push_str("\t\t\t<ul class=\"langSwitcher\"><li class=\"current\"><a href=\"#\">FR</a></li>");
    o.push_str(&format!("<li><a href=\"{url_nl}\">NL</a></li><li><a href=\"{SITE}/en/\">EN</a></li><li><a href=\"{SITE}/de/\">DE</a></li></ul>\n"));
    o.push_str(&format!(
        "\t\t\t<form role=\"search\" method=\"get\" class=\"searchForm\" action=\"{SITE}/\"><label for=\"s\" class=\"screen-reader-text\">Rechercher</label><input type=\"search\" id=\"s\" name=\"s\" placeholder=\"Rechercher sur le site\" value=\"\" /><button type=\"submit\" aria-label=\"Lancer la recherche\"><span class=\"icon-search\"></span></button></form>\n"
    ));
    o.push_str("\t\t</div>\n\t</div>\n\t<div class=\"container\">\n");
    o.push_str(&format!(
        "\t\t<a href=\"{SITE}/\" class=\"logo\" rel=\"home\"><img src=\"{SITE}/wp-content/themes/parbru_2019/assets/img/logo.svg\" alt=\"Parlement bruxellois\" width=\"220\" height=\"64\" /></a>\n"
    ));
    o.push_str("\t\t<button class=\"burger\" aria-controls=\"mainMenu\" aria-expanded=\"false\"><span></span><span></span><span></span><span class=\"screen-reader-text\">Menu</span></button>\n");
    o.push_str("\t\t<nav id=\"mainMenu\" class=\"mainMenu\" aria-label=\"Menu principal\">\n\t\t\t<ul id=\"menu-menu-principal\" class=\"menu\">\n");
    let mut item = rng.range(100, 900);
    for (section, pages) in MENUS {
        item += 1;
        let s = slug(section);
        o.push_str(&format!(
            "\t\t\t\t<li id=\"menu-item-{item}\" class=\"menu-item menu-item-type-post_type menu-item-object-page menu-item-has-children mega-item menu-item-{item}\"><a href=\"{SITE}/{s}/\" aria-haspopup=\"true\">{section}</a>\n\t\t\t\t\t<ul class=\"sub-menu\">\n"
        ));
        o.push_str(&format!(
            "\t\t\t\t\t\t<li class=\"menuIntro\"><p>D&eacute;couvrez la rubrique &laquo;&nbsp;{section}&nbsp;&raquo; du Parlement de la R&eacute;gion de Bruxelles-Capitale&nbsp;: informations, documents et contacts.</p></li>\n"
        ));
        for p in *pages {
            item += 1;
            o.push_str(&format!(
                "\t\t\t\t\t\t<li id=\"menu-item-{item}\" class=\"menu-item menu-item-type-post_type menu-item-object-page menu-item-{item}\"><a href=\"{SITE}/{s}/{}/\">{p}</a></li>\n",
                slug(p)
            ));
        }
        o.push_str("\t\t\t\t\t</ul>\n\t\t\t\t</li>\n");
    }
    o.push_str("\t\t\t</ul>\n\t\t</nav>\n");
    o.push_str("\t</div>\n</header>\n\n");
    o.push_str(&format!(
        "<div class=\"breadcrumb\"><div class=\"container\"><span><span><a href=\"{SITE}/\">Accueil</a></span> &gt; <span><a href=\"{SITE}/travaux-parlementaires/\">Travaux parlementaires</a></span> &gt; <span><a href=\"{SITE}/travaux-parlementaires/questions-ecrites/\">Questions &eacute;crites</a></span> &gt; <span class=\"breadcrumb_last\" aria-current=\"page\">D&eacute;tail question</span></span></div></div>\n\n"
    ));

    // The question.
    o.push_str("<main class=\"main pageWeblex\">\n");
    o.push_str(fragment);
    o.push_str("\n</div>\n");
    o.push_str(&format!(
        "<div class=\"shareBlock\"><span>Partager&nbsp;:</span> <a href=\"https://www.facebook.com/sharer/sharer.php?u={url}\" target=\"_blank\" rel=\"noopener\">Facebook</a> <a href=\"https://x.com/intent/tweet?url={url}\" target=\"_blank\" rel=\"noopener\">X</a> <a href=\"mailto:?subject={title}&amp;body={url}\">E-mail</a> <a href=\"javascript:window.print()\">Imprimer</a></div>\n"
    ));
    o.push_str("</main>\n\n");

    // Footer.
    o.push_str("<footer id=\"footer\" class=\"footer\">\n\t<div class=\"container\">\n\t\t<div class=\"footerCols\">\n");
    o.push_str("\t\t\t<div class=\"footerCol\"><h4>Parlement bruxellois</h4><address>Rue du Lombard 69<br />1000 Bruxelles<br />T&eacute;l.&nbsp;: +32 2 549 62 11<br /><a href=\"mailto:info@parlement.brussels\">info@parlement.brussels</a></address></div>\n");
    for (section, pages) in MENUS.iter().take(4) {
        let s = slug(section);
        o.push_str(&format!(
            "\t\t\t<div class=\"footerCol\"><h4>{section}</h4><ul>"
        ));
        for p in pages.iter().take(6) {
            o.push_str(&format!(
                "<li><a href=\"{SITE}/{s}/{}/\">{p}</a></li>",
                slug(p)
            ));
        }
        o.push_str("</ul></div>\n");
    }
    o.push_str("\t\t</div>\n\t\t<div class=\"footerBottom\"><ul class=\"social\">");
    for (net, href) in [
        ("Facebook", "https://www.facebook.com/parlementbruxellois"),
        ("X", "https://x.com/parlbruparl"),
        (
            "Instagram",
            "https://www.instagram.com/parlement.bruxellois/",
        ),
        (
            "YouTube",
            "https://www.youtube.com/c/ParlementbruxelloisBrusselsParlement",
        ),
        (
            "LinkedIn",
            "https://www.linkedin.com/company/parlement-bruxellois",
        ),
    ] {
        o.push_str(&format!(
            "<li><a href=\"{href}\" target=\"_blank\" rel=\"noopener\" aria-label=\"{net}\"><span class=\"icon-{}\"></span></a></li>",
            slug(net)
        ));
    }
    o.push_str("</ul><ul class=\"legal\">");
    for l in [
        "Mentions l&eacute;gales",
        "Vie priv&eacute;e",
        "Politique en mati&egrave;re de cookies",
        "Accessibilit&eacute;",
        "Plan du site",
        "Contact",
    ] {
        o.push_str(&format!("<li><a href=\"{SITE}/{}/\">{l}</a></li>", slug(l)));
    }
    o.push_str(&format!(
        "</ul><p class=\"copyright\">&copy; {} Parlement bruxellois</p></div>\n\t</div>\n</footer>\n\n",
        q.received.format("%Y")
    ));

    // Cookie banner.
    o.push_str("<div id=\"cookie-law-info-bar\" data-nosnippet=\"true\" data-cli-style=\"cli-style-v2\" style=\"display:none\"><span><div class=\"cli-bar-container cli-style-v2\"><div class=\"cli-bar-message\">Ce site utilise des cookies pour am&eacute;liorer votre exp&eacute;rience de navigation, mesurer l&#039;audience et afficher des contenus de plateformes externes. Vous pouvez accepter tous les cookies, les refuser ou choisir ceux que vous autorisez.</div><div class=\"cli-bar-btn_container\"><a role='button' class=\"cli_settings_button\">Param&egrave;tres</a><a role='button' id=\"cookie_action_reject\" class=\"cookie_action_close_header_reject cli_action_button\">Refuser</a><a id=\"wt-cli-accept-all-btn\" role='button' class=\"wt-cli-element cli_action_button\">Tout accepter</a></div></div></span></div>\n");
    o.push_str("<div class=\"cli-modal\" id=\"cliSettingsPopup\" tabindex=\"-1\" role=\"dialog\" aria-labelledby=\"cliSettingsPopup\" aria-hidden=\"true\"><div class=\"cli-modal-dialog\" role=\"document\"><div class=\"cli-modal-content cli-bar-popup\"><button type=\"button\" class=\"cli-modal-close\" id=\"cliModalClose\"><span class=\"wt-cli-sr-only\">Fermer</span></button><div class=\"cli-modal-body\"><div class=\"cli-container-fluid cli-tab-container\"><div class=\"cli-row\"><div class=\"cli-col-12 cli-align-items-stretch cli-px-0\"><div class=\"cli-privacy-overview\"><h4>Aper&ccedil;u de la confidentialit&eacute;</h4><div class=\"cli-privacy-content\"><div class=\"cli-privacy-content-text\">Ce site utilise des cookies pour am&eacute;liorer votre exp&eacute;rience pendant que vous naviguez. Parmi eux, les cookies class&eacute;s comme n&eacute;cessaires sont stock&eacute;s dans votre navigateur, car ils sont essentiels au fonctionnement des fonctionnalit&eacute;s de base du site. Nous utilisons &eacute;galement des cookies tiers qui nous aident &agrave; analyser et &agrave; comprendre comment vous utilisez ce site. Ces cookies ne seront stock&eacute;s dans votre navigateur qu&#039;avec votre consentement. Vous avez &eacute;galement la possibilit&eacute; de refuser ces cookies, mais la d&eacute;sactivation de certains d&#039;entre eux peut avoir un effet sur votre exp&eacute;rience de navigation.</div></div><a class=\"cli-privacy-readmore\" aria-label=\"Afficher plus\" role=\"button\" data-readmore-text=\"Afficher plus\" data-readless-text=\"Afficher moins\"></a></div></div><div class=\"cli-col-12 cli-align-items-stretch cli-px-0 cli-tab-section-container\">\n");
    for (name, text) in COOKIE_CATEGORIES {
        let s = slug(name);
        o.push_str(&format!(
            "<div class=\"cli-tab-section\"><div class=\"cli-tab-header\"><a role=\"button\" tabindex=\"0\" class=\"cli-nav-link cli-settings-mobile\" data-target=\"{s}\" data-toggle=\"cli-toggle-tab\">{name}</a><div class=\"cli-switch\"><input type=\"checkbox\" id=\"wt-cli-checkbox-{s}\" class=\"cli-user-preference-checkbox\" data-id=\"checkbox-{s}\" /><label for=\"wt-cli-checkbox-{s}\" class=\"cli-slider\" data-cli-enable=\"Activ&eacute;\" data-cli-disable=\"D&eacute;sactiv&eacute;\"><span class=\"wt-cli-sr-only\">{name}</span></label></div></div><div class=\"cli-tab-content\"><div class=\"cli-tab-pane cli-fade\" data-id=\"{s}\"><div class=\"wt-cli-cookie-description\">{text}</div><table class=\"cookielawinfo-row-cat-table cookielawinfo-winter\"><thead><tr><th class=\"cookielawinfo-column-1\">Cookie</th><th class=\"cookielawinfo-column-3\">Dur&eacute;e</th><th class=\"cookielawinfo-column-4\">Description</th></tr></thead><tbody>"
        ));
        for k in 0..rng.range(1, 2) {
            o.push_str(&format!(
                "<tr class=\"cookielawinfo-row\"><td class=\"cookielawinfo-column-1\">cookielawinfo-{s}-{k}</td><td class=\"cookielawinfo-column-3\">{} {}</td><td class=\"cookielawinfo-column-4\">Ce cookie est d&eacute;pos&eacute; par le module de consentement pour enregistrer le choix de l&#039;utilisateur pour la cat&eacute;gorie &laquo;&nbsp;{name}&nbsp;&raquo;.</td></tr>",
                rng.range(1, 12),
                rng.pick(&["mois", "jours", "ans"])
            ));
        }
        o.push_str("</tbody></table></div></div></div>\n");
    }
    o.push_str("</div></div></div></div><div class=\"cli-modal-footer\"><div class=\"wt-cli-element cli-container-fluid cli-tab-container\"><div class=\"cli-row\"><div class=\"cli-col-12 cli-align-items-stretch cli-px-0\"><div class=\"cli-tab-footer wt-cli-privacy-overview-actions\"><a id=\"wt-cli-privacy-save-btn\" role=\"button\" tabindex=\"0\" data-cli-action=\"accept\" class=\"wt-cli-privacy-btn cli_setting_save_button wt-cli-privacy-accept-btn cli-btn\">Enregistrer et accepter</a></div></div></div></div></div></div></div></div>\n<div class=\"cli-modal-backdrop cli-fade cli-settings-overlay\"></div>\n");

    // Trailing scripts: settings objects and the theme's scripts.
    o.push_str(&format!(
        "<script nonce=\"{nonce}\" id=\"cookie-law-info-js-extra\">\nvar Cli_Data = {{\"nn_cookie_ids\":[],\"cookielist\":[],\"non_necessary_cookies\":{{\"statistiques\":[\"_ga\",\"_gid\",\"_gat\"],\"medias-externes\":[\"YSC\",\"VISITOR_INFO1_LIVE\"]}},\"ccpaEnabled\":\"\",\"ccpaRegionBased\":\"\",\"ccpaBarEnabled\":\"\",\"strictlyEnabled\":[\"necessary\",\"obligatoire\"],\"ccpaType\":\"gdpr\",\"js_blocking\":\"1\",\"custom_integration\":\"\",\"triggerDomRefresh\":\"\",\"secure_cookies\":\"\"}};\nvar cli_cookiebar_settings = {{\"animate_speed_hide\":\"500\",\"animate_speed_show\":\"500\",\"background\":\"#FFF\",\"border\":\"#b1a6a6c2\",\"border_on\":\"\",\"button_1_button_colour\":\"#083b99\",\"button_1_button_hover\":\"#062f7a\",\"button_1_link_colour\":\"#fff\",\"button_1_as_button\":\"1\",\"button_1_new_win\":\"\",\"button_2_button_colour\":\"#333\",\"button_2_button_hover\":\"#292929\",\"button_2_link_colour\":\"#444\",\"button_2_as_button\":\"\",\"button_2_hidebar\":\"\",\"button_3_button_colour\":\"#dedfe0\",\"button_3_button_hover\":\"#b2b2b3\",\"button_3_link_colour\":\"#333333\",\"button_3_as_button\":\"1\",\"button_3_new_win\":\"\",\"button_4_button_colour\":\"#dedfe0\",\"button_4_button_hover\":\"#b2b2b3\",\"button_4_link_colour\":\"#333333\",\"button_4_as_button\":\"1\",\"button_7_button_colour\":\"#083b99\",\"button_7_button_hover\":\"#062f7a\",\"button_7_link_colour\":\"#fff\",\"button_7_as_button\":\"1\",\"button_7_new_win\":\"\",\"font_family\":\"inherit\",\"header_fix\":\"\",\"notify_animate_hide\":\"1\",\"notify_animate_show\":\"\",\"notify_div_id\":\"#cookie-law-info-bar\",\"notify_position_horizontal\":\"right\",\"notify_position_vertical\":\"bottom\",\"scroll_close\":\"\",\"scroll_close_reload\":\"\",\"accept_close_reload\":\"\",\"reject_close_reload\":\"\",\"showagain_tab\":\"\",\"showagain_background\":\"#fff\",\"showagain_border\":\"#000\",\"showagain_div_id\":\"#cookie-law-info-again\",\"showagain_x_position\":\"100px\",\"text\":\"#333333\",\"show_once_yn\":\"\",\"show_once\":\"10000\",\"logging_on\":\"\",\"as_popup\":\"\",\"popup_overlay\":\"1\",\"bar_heading_text\":\"\",\"cookie_bar_as\":\"banner\",\"popup_showagain_position\":\"bottom-right\",\"widget_position\":\"left\"}};\nvar log_object = {{\"ajax_url\":\"https:\\/\\/www.parlement.brussels\\/wp-admin\\/admin-ajax.php\"}};\n</script>\n"
    ));
    o.push_str(&format!(
        "<script nonce=\"{nonce}\" id=\"parbru-main-js-extra\">\nvar parbru = {{\"ajaxurl\":\"https:\\/\\/www.parlement.brussels\\/wp-admin\\/admin-ajax.php\",\"lang\":\"fr\",\"nonce\":\"{}\",\"i18n\":{{\"close\":\"Fermer\",\"open\":\"Ouvrir\",\"next\":\"Suivant\",\"prev\":\"Pr\\u00e9c\\u00e9dent\",\"loading\":\"Chargement\\u2026\",\"noResults\":\"Aucun r\\u00e9sultat\",\"print\":\"Imprimer\",\"share\":\"Partager\"}},\"weblex\":{{\"base\":\"https:\\/\\/weblex.brussels\\/data\\/\",\"detail\":\"https:\\/\\/www.parlement.brussels\\/weblex-quest-det\\/\",\"search\":\"https:\\/\\/www.parlement.brussels\\/weblex-quest\\/\"}}}};\n</script>\n",
        hex(rng, 10)
    ));
    // The theme's own script, inline on the site: a long, minified block.
    o.push_str(&format!(
        "<script nonce=\"{nonce}\" id=\"parbru-theme-inline\">\n"
    ));
    for f in ["menu", "search", "accordion", "print", "weblex"] {
        o.push_str(&format!(
            "(function($){{\"use strict\";var {f}={{init:function(){{this.cache();this.bind();}},cache:function(){{this.$w=$(window);this.$d=$(document);this.$el=$(\".js-{f}\");this.opened=false;this.delay={};}},bind:function(){{var t=this;this.$el.on(\"click.{f}\",\"[data-{f}-toggle]\",function(e){{e.preventDefault();t.toggle($(this).closest(\".js-{f}\"));}});this.$w.on(\"resize.{f}\",function(){{clearTimeout(t.timer);t.timer=setTimeout(function(){{t.refresh();}},t.delay);}});this.$d.on(\"keyup.{f}\",function(e){{if(e.key===\"Escape\"&&t.opened){{t.close();}}}});}},toggle:function($e){{this.opened?this.close($e):this.open($e);}},open:function($e){{this.opened=true;($e||this.$el).addClass(\"is-open\").attr(\"aria-expanded\",\"true\");}},close:function($e){{this.opened=false;($e||this.$el).removeClass(\"is-open\").attr(\"aria-expanded\",\"false\");}},refresh:function(){{if(this.$w.width()>{}){{this.close();}}}}}};$(function(){{{f}.init();}});}})(jQuery);\n",
            rng.range(100, 400),
            rng.pick(&[768, 992, 1024, 1200])
        ));
    }
    o.push_str("</script>\n");
    for name in [
        "parbru-slick",
        "parbru-fancybox",
        "parbru-main",
        "contact-form-7",
        "wp-polyfill",
        "searchwp-forms",
        "wpml-legacy-dropdown",
    ] {
        o.push_str(&format!(
            "<script src=\"{SITE}/wp-content/themes/parbru_2019/assets/js/{name}.min.js?ver={ver}-{}\" id=\"{name}-js\"></script>\n",
            hex(rng, 8)
        ));
    }
    o.push_str("</body>\n</html>\n");
    // Pad with the site's "latest news" teasers (their number varies) until the chrome weighs what
    // the site's does: kept inside the body, before the footer, so the page stays well-formed.
    let target = fragment.len() + rng.range(56_000, 62_000);
    if o.len() < target {
        let mut teasers = String::from(
            "<aside class=\"latestNews\"><h2>Derni&egrave;res actualit&eacute;s</h2><ul>\n",
        );
        let mut n = 0;
        while o.len() + teasers.len() + 20 < target {
            n += 1;
            let (section, pages) = MENUS[n % MENUS.len()];
            let p = pages[(n * 7) % pages.len()];
            teasers.push_str(&format!(
                "<li class=\"newsItem\"><a href=\"{SITE}/actualites/{}-{n}/\"><span class=\"date\">{}</span><span class=\"cat\">{section}</span><span class=\"title\">{p}&nbsp;: le point sur les travaux de la semaine ({})</span></a></li>\n",
                slug(p),
                date(Some(q.received - chrono::Duration::days(n as i64 * 3))),
                thousands(rng.range(1_000, 99_999) as u64)
            ));
        }
        teasers.push_str("</ul></aside>\n");
        let at = o.find("<footer id=\"footer\"").unwrap_or(o.len());
        o.insert_str(at, &teasers);
    }
    o
}
