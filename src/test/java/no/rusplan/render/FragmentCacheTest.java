package no.rusplan.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import freemarker.template.Configuration;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import no.rusplan.TestProject;
import no.rusplan.build.SiteBuild;
import no.rusplan.model.SiteModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FragmentCacheTest {
    private static String render(Configuration freemarker, String template, Map<String, Object> model) throws Exception {
        StringWriter out = new StringWriter();
        freemarker.getTemplate(template).process(model, out);
        return out.toString();
    }

    @Test
    void aFragmentIsRenderedOncePerEntryAndItsModelReadsCountForEveryPageShowingIt(@TempDir Path dir) throws Exception {
        SiteModel site = new SiteBuild(TestProject.fixture(dir.resolve("project")).layout(), LocalDate.of(2026, 12, 4))
                .readModel();
        Path templates = Files.createDirectories(dir.resolve("templates"));
        // the body counts its renderings: a reused fragment shows the count of its first rendering
        Files.writeString(templates.resolve("list.ftlh"), "<#list site.municipalities() as m><@cached name=\"m\" key=m>"
                + "${m.name}:${site.plansFor(m.id)?size}:${counter.append(\"x\").length()}</@cached>;</#list>");
        Configuration freemarker = TemplateSetup.configuration(templates);
        ModelReads reads = new ModelReads(LocalDate.of(2026, 12, 4));
        Path first = dir.resolve("first.adoc");
        Path second = dir.resolve("second.adoc");
        StringBuilder counter = new StringBuilder(); // one x per rendering of a body
        Map<String, Object> model = Map.of("site", site, "counter", counter);
        String a = reads.record(first, () -> render(freemarker, "list.ftlh", model));
        String b = reads.record(second, () -> render(freemarker, "list.ftlh", model));
        int municipalities = site.municipalities().size();
        assertTrue(municipalities >= 2 && a.endsWith(":" + municipalities + ";"), a);
        assertEquals(a, b, "the second page writes the first one's fragments");
        assertEquals(municipalities, counter.length(), "each body rendered once");
        assertEquals(1 + municipalities, reads.readCount(first), "municipalities() and each plansFor(…)");
        assertEquals(reads.readCount(first), reads.readCount(second), "the reused fragments' reads count for it too");

        String fresh = render(TemplateSetup.configuration(templates), "list.ftlh", model);
        assertEquals(2 * municipalities, counter.length(), "another configuration (another build) renders afresh");
        assertEquals(a.replaceAll(":\\d+;", ";"), fresh.replaceAll(":\\d+;", ";"));
        Files.writeString(templates.resolve("bad.ftlh"), "<@cached key=site>x</@cached>");
        assertThrows(freemarker.template.TemplateException.class,
                () -> render(freemarker, "bad.ftlh", Map.of("site", site)));
        assertNotEquals(-1, reads.readCount(second));
    }
}
