package no.rusplan.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import no.rusplan.TestProject;

/**
 * A deterministic synthetic Rusplan project of about {@code pages} pages of every content
 * type (municipalities, plans with chapters, measures and a measure overview, services,
 * programs, glossary terms, directory pages), with Norwegian-like text, sections, lists,
 * tables and internal links, for the build benchmarks. The same seed gives the same files.
 * Templates, assets and settings are the example project's. {@link #writeAntora} writes the
 * same pages as an Antora component for the comparison.
 */
public final class SyntheticCorpus {
    private static final String[] WORDS = ("rus alkohol pårørende hjelp tjenesten kommunen barn ungdom foreldre "
            + "skolen barnehagen behandling forebygging helse psykisk oppfølging tiltak plan målet ansvar samarbeid "
            + "bolig arbeid lege sykehuset senter gruppe kurs program undersøkelse rådgivning veiledning kontor team "
            + "avhengighet skjenking bevilling kontroll politiet frivillige lag organisasjoner familien vold akutt "
            + "døgn poliklinikk henvisning kontakt nettverk aktivitet kultur idrett fritid narkotika hasj cannabis "
            + "tobakk spill mobbing søvn mestring og i for med til på av som det er har skal kan vil ved fra om "
            + "alle flere gode tidlig innsats kompetanse ansatte rutiner kartlegging brukere tilbud").split(" ");
    private static final String[] KINDS = {"municipal", "specialist", "self-help", "voluntary"};
    private static final String[] AUDIENCES = {"adults", "relatives", "children-youth", "pregnant-families"};

    private final Random random;
    private final Path root;
    private final List<String> municipalities = new ArrayList<>();
    private final List<String> plans = new ArrayList<>();
    private final List<String> services = new ArrayList<>();
    private final List<String> pageUrls = new ArrayList<>();
    private final List<String[]> pagesForAntora = new ArrayList<>();

    private SyntheticCorpus(Path root, long seed) {
        this.root = root;
        this.random = new Random(seed);
    }

    /** Writes a project of about {@code pages} pages into {@code root} (emptied first); returns the page count. */
    public static int write(Path root, int pages, long seed) throws IOException {
        if (Files.exists(root)) {
            TestProject.deleteTree(root);
        }
        SyntheticCorpus corpus = new SyntheticCorpus(root, seed);
        corpus.copyProjectFiles();
        return corpus.content(pages);
    }

    private void copyProjectFiles() throws IOException {
        Path repo = TestProject.REPO;
        Files.createDirectories(root);
        Files.copy(repo.resolve("site.properties"), root.resolve("site.properties"));
        for (String dir : List.of("templates", "assets")) {
            TestProject.copyTree(repo.resolve(dir), root.resolve(dir));
        }
        // the directory pages are generic (they list what the model holds)
        try (var files = Files.walk(repo.resolve("content"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".adoc")).toList()) {
                String text = Files.readString(file);
                if (text.contains(":jbake-type: directory") || text.contains(":jbake-type: page")) {
                    write(repo.resolve("content").relativize(file).toString(), text);
                    pagesForAntora.add(new String[] {file.getFileName().toString().replace(".adoc", ""), text});
                }
            }
        }
    }

    private int content(int pages) throws IOException {
        int written = (int) pagesForAntora.size();
        int planCount = Math.max(1, pages / 100);
        for (int m = 0; m < planCount * 2; m++) {
            String id = "kommune-" + m;
            municipalities.add(id);
            written += page("municipalities/" + id, capital(word()) + "vik " + m, "municipality",
                    ":region: " + capital(word()) + "\n:source: plan-" + (m / 2) + "\n", 2);
        }
        for (int p = 0; p < planCount; p++) {
            String id = "plan-" + p;
            plans.add(id);
            written += page("plans/" + id, "Rusmiddelpolitisk handlingsplan " + p, "plan",
                    ":municipalities: " + municipalities.get(2 * p) + ", " + municipalities.get(2 * p + 1)
                            + "\n:period: 2020–2024\n:status: adopted\n:source-document: Syntetisk plan " + p
                            + "\n:plan-date: 2020\n", 3);
        }
        int perPlan = (int) Math.round(pages * 0.45 / planCount);
        int chapters = Math.max(2, perPlan / 6);
        for (String plan : plans) {
            for (int c = 0; c < chapters; c++) {
                written += page("plans/" + plan + "/kapittel-" + c, (c + 1) + ". " + capital(sentence(3)), "chapter",
                        ":plan: " + plan + "\n:order: " + (c + 1) + (c == chapters - 1 ? "\n:measure-sections: Tiltak" : "") + "\n", 8);
            }
            written += page("plans/" + plan + "/tiltak", "Tiltak i plan " + plan, "measures", ":plan: " + plan + "\n", 1);
            for (int t = 0; t < perPlan - chapters - 1; t++) {
                written += page("plans/" + plan + "/tiltak/tiltak-" + t, capital(sentence(6)), "measure",
                        ":plan: " + plan + "\n:order: " + (t + 1) + "\n:section: Tiltak\n:goal: " + capital(sentence(5))
                                + "\n:period: 2021\n:responsible: " + capital(word()) + "; NAV\n", 2);
            }
        }
        int programs = Math.max(1, (pages - written) / 6);
        int terms = Math.max(1, (pages - written) / 10);
        for (int p = 0; p < programs; p++) {
            written += page("programs/program-" + p, "Program " + capital(word()) + " " + p, "program",
                    ":program-type: program\n:summary: " + capital(sentence(10)) + ".\n:age-bands: grades-8-10\n:arenas: school\n:source: "
                            + plans.get(p % plans.size()) + "\n", 3);
        }
        for (int t = 0; t < terms; t++) {
            written += page("glossary/begrep-" + t, capital(word()) + "begrep " + t, "term",
                    ":term-kind: term\n:expansion: " + capital(sentence(4)) + "\n:source: " + plans.get(t % plans.size()) + "\n", 1);
        }
        int s = 0;
        while (written < pages) {
            String id = "tilbud-" + s;
            services.add(id);
            written += page("services/" + id, capital(word()) + "tjenesten " + s, "service",
                    ":kind: " + KINDS[s % KINDS.length] + "\n:summary: " + capital(sentence(12)) + ".\n:audience: "
                            + AUDIENCES[s % AUDIENCES.length] + "\n:municipalities: " + municipalities.get(s % municipalities.size())
                            + "\n:referral: unknown\n:cost: unknown\n:source: " + plans.get(s % plans.size()) + "\n:verified: 2025\n", 3);
            s++;
        }
        return written;
    }

    /** One content file with {@code paragraphs} paragraphs, some sections, a list and a link; returns 1. */
    private int page(String path, String title, String type, String attributes, int paragraphs) throws IOException {
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < paragraphs; p++) {
            if (p > 0 && p % 3 == 0) {
                body.append("== ").append(capital(sentence(3))).append("\n\n");
            }
            body.append(capital(sentence(40 + random.nextInt(60)))).append(".\n\n");
            if (p == 1) {
                body.append("* ").append(capital(sentence(6))).append("\n* ").append(capital(sentence(5))).append("\n\n");
            }
        }
        if (!pageUrls.isEmpty()) {
            String target = pageUrls.get(random.nextInt(pageUrls.size()));
            body.append("Se også link:").append(target).append("[").append(sentence(2)).append("].\n");
        }
        String text = "= " + title + "\n:jbake-type: " + type + "\n" + attributes + "\n" + body;
        write(path + ".adoc", text);
        pageUrls.add("/" + path + "/");
        pagesForAntora.add(new String[] {path.replace('/', '-'), text});
        return 1;
    }

    /**
     * The same pages as an Antora component (one module, one page per file, headers reduced to
     * the title) in {@code dir}, with an antora-playbook.yml that uses {@code uiBundle}.
     */
    public static void writeAntora(Path projectRoot, Path dir, Path uiBundle) throws IOException {
        if (Files.exists(dir)) {
            TestProject.deleteTree(dir);
        }
        Path pages = dir.resolve("docs/modules/ROOT/pages");
        Files.createDirectories(pages);
        Files.writeString(dir.resolve("docs/antora.yml"), "name: rusplan\nversion: ~\ntitle: Rusplan\n");
        try (var files = Files.walk(projectRoot.resolve("content"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".adoc")).toList()) {
                String name = projectRoot.resolve("content").relativize(file).toString().replace('/', '-');
                StringBuilder page = new StringBuilder();
                for (String line : Files.readAllLines(file)) {
                    // keep the title and body; JBake's header attributes mean nothing to Antora
                    if (!line.startsWith(":") || page.length() == 0) {
                        page.append(line.replaceAll("link:/[^\\[]*\\[", "link:#[")).append('\n');
                    }
                }
                Files.writeString(pages.resolve(name), page, StandardCharsets.UTF_8);
            }
        }
        Files.writeString(dir.resolve("antora-playbook.yml"), """
                site:
                  title: Rusplan benchmark
                content:
                  sources:
                  - url: ./
                    start_path: docs
                    branches: HEAD
                ui:
                  bundle:
                    url: %s
                output:
                  dir: ./build/site
                runtime:
                  fetch: false
                  quiet: true
                """.formatted(uiBundle.toAbsolutePath()));
    }

    private void write(String relative, String text) throws IOException {
        Path file = root.resolve("content").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private String word() {
        double u = random.nextDouble();
        return WORDS[(int) (u * u * WORDS.length)];
    }

    private String sentence(int words) {
        StringBuilder text = new StringBuilder(word());
        for (int i = 1; i < words; i++) {
            text.append(' ').append(word());
        }
        return text.toString();
    }

    private static String capital(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
