package no.rusplan.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import no.rusplan.index.IndexEntry;

/**
 * A deterministic corpus of Norwegian-like index entries of every content type, for measuring
 * the search index at sizes the example site does not reach. Words are drawn (Zipf-like: a few
 * common, many rare) from a vocabulary of the plans' own words plus generated compounds, so
 * term statistics look like a real site's.
 */
final class SyntheticEntries {
    private static final String[] BASE = ("rus alkohol pårørende hjelp tjeneste kommune barn ungdom foreldre skole "
            + "barnehage behandling forebygging helse psykisk oppfølging tiltak plan mål ansvar samarbeid bolig arbeid "
            + "lege sykehus senter gruppe kurs program undersøkelse rådgivning veiledning kontor team avhengighet misbruk "
            + "skjenking bevilling kontroll politi frivillig lag organisasjon familie vold traume akutt døgn poliklinikk "
            + "henvisning gratis kontakt telefon åpningstid sosial nettverk aktivitet kultur idrett fritid natteravn "
            + "narkotika hasj cannabis tobakk snus spill gaming nettbruk mobbing søvn kosthold trening mestring").split(" ");
    private static final String[] TYPES = {"service", "program", "term", "measure", "chapter", "municipality", "page"};

    private SyntheticEntries() {
    }

    static List<IndexEntry> generate(int pages, long seed) {
        Random random = new Random(seed);
        List<String> vocabulary = new ArrayList<>(List.of(BASE));
        for (int i = 0; i < 4000; i++) {
            vocabulary.add(BASE[random.nextInt(BASE.length)] + BASE[random.nextInt(BASE.length)]
                    + (random.nextBoolean() ? "en" : random.nextBoolean() ? "er" : ""));
        }
        List<String> municipalities = new ArrayList<>();
        for (int i = 0; i < 356; i++) {
            municipalities.add("kommune-" + i);
        }
        List<IndexEntry> entries = new ArrayList<>();
        for (int page = 0; page < pages; page++) {
            String type = TYPES[page % TYPES.length];
            String title = capitalised(text(random, vocabulary, 3 + random.nextInt(5)));
            int paragraphs = 2 + random.nextInt(8);
            StringBuilder body = new StringBuilder(title).append(". ");
            List<IndexEntry.Section> sections = new ArrayList<>();
            for (int p = 0; p < paragraphs; p++) {
                String heading = capitalised(text(random, vocabulary, 2 + random.nextInt(3)));
                String paragraph = capitalised(text(random, vocabulary, 40 + random.nextInt(80))) + ".";
                body.append(heading).append(". ").append(paragraph).append(' ');
                sections.add(new IndexEntry.Section("del-" + p, heading, heading + ". " + paragraph));
            }
            String municipality = municipalities.get(random.nextInt(municipalities.size()));
            entries.add(new IndexEntry(type + ":side-" + page, "/" + type + "/side-" + page + "/", type, title,
                    String.join(" \n", sections.stream().map(IndexEntry.Section::heading).toList()), body.toString(),
                    sections, List.of(municipality), List.of(municipality.replace('-', ' ')),
                    type.equals("service") ? List.of("adults") : List.of(), ""));
        }
        return entries;
    }

    private static String text(Random random, List<String> vocabulary, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            // Zipf-like: squaring a uniform number favours the start of the vocabulary
            double u = random.nextDouble();
            text.append(i == 0 ? "" : " ").append(vocabulary.get((int) (u * u * u * vocabulary.size())));
        }
        return text.toString();
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
