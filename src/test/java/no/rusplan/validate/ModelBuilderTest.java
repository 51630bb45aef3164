package no.rusplan.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.rusplan.TestProject;
import no.rusplan.content.ContentFile;
import no.rusplan.content.ContentProblemsException;
import no.rusplan.content.ContentReader;
import no.rusplan.content.Problem;
import no.rusplan.model.Audience;
import no.rusplan.model.Cost;
import no.rusplan.model.MeasureGroup;
import no.rusplan.model.Referral;
import no.rusplan.model.Service;
import no.rusplan.model.SiteModel;
import no.rusplan.model.SiteSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every validation rule, checked on the fixture content with one file broken at a time. */
class ModelBuilderTest {
    private static final SiteSettings SETTINGS = new SiteSettings("Test", "nb", "", 24);
    private static final String SERVICE = "content/services/hjelpesenteret.adoc";

    @TempDir
    Path temp;

    private SiteModel build(TestProject project) throws ContentProblemsException {
        List<Problem> problems = new ArrayList<>();
        List<ContentFile> files = new ContentReader(project.file("content")).readAll(problems);
        return new ModelBuilder(SETTINGS).build(files, problems);
    }

    /** Builds with one file replaced; returns the problems as the CLI prints them (relative paths). */
    private List<String> problemsWith(String relative, String text) {
        TestProject project = TestProject.fixture(temp).write(relative, text);
        ContentProblemsException e = assertThrows(ContentProblemsException.class, () -> build(project));
        return e.problems().stream()
                .map(p -> project.root().relativize(p.file()) + ":" + p.line() + ": " + p.message()).toList();
    }

    private String serviceWithout(String attribute) {
        return TestProject.fixtureText(SERVICE)
                .replaceAll("(?m)^:" + attribute + ":.*\\n", "");
    }

    @Test
    void fixtureIsValidAndTyped() throws Exception {
        SiteModel site = build(TestProject.fixture(temp));
        assertEquals(2, site.municipalities().size());
        Service service = site.service("hjelpesenteret");
        assertEquals(List.of(Audience.RELATIVES, Audience.ADULTS), service.audiences());
        assertEquals(Referral.NO, service.referral());
        assertEquals(Cost.FREE, service.cost());
        assertEquals(List.of("hjelp@example.org"), service.emails());
        assertEquals("/services/hjelpesenteret/", service.location().url());
        assertEquals(List.of(service), site.servicesFor("testby"));
        assertTrue(site.servicesFor("nabobygd").isEmpty());
        List<MeasureGroup> groups = site.measureGroups(site.chaptersOf("testplan").get(1));
        assertEquals("Foreldremøte om alkohol", groups.get(0).measures().get(0).title());
        assertEquals(List.of("Oppvekst", "Helse"), groups.get(0).measures().get(0).responsible());
    }

    @Test
    void serviceWithoutMunicipalitiesIsReportedAtItsTitleLine() {
        assertEquals(List.of(SERVICE + ":1: missing required attribute :municipalities:"),
                problemsWith(SERVICE, serviceWithout("municipalities")));
    }

    @Test
    void everyRequiredServiceFieldIsChecked() {
        for (String attribute : List.of("kind", "summary", "audience", "referral", "cost", "source", "verified")) {
            assertEquals(List.of(SERVICE + ":1: missing required attribute :" + attribute + ":"),
                    problemsWith(SERVICE, serviceWithout(attribute)), attribute);
        }
    }

    @Test
    void badVocabularyValueNamesTheAllowedOnesAtItsLine() {
        String text = serviceWithout("audience").replace(":referral: no", ":referral: maybe");
        List<String> problems = problemsWith(SERVICE, text);
        assertTrue(problems.contains(SERVICE + ":7: 'maybe' is not a valid :referral: (use one of: yes, no, unknown)"),
                problems.toString());
    }

    @Test
    void unknownMunicipalityReferenceIsReported() {
        String text = TestProject.fixtureText(SERVICE).replace(":municipalities: testby", ":municipalities: testby, atlantis");
        assertEquals(List.of(SERVICE + ":7: unknown municipality 'atlantis' in :municipalities:"), problemsWith(SERVICE, text));
    }

    @Test
    void unknownPlanInMeasureIsReported() {
        String measure = "content/plans/testplan/tiltak/foreldremote.adoc";
        String text = TestProject.fixtureText(measure).replace(":plan: testplan", ":plan: nowhere");
        assertEquals(List.of(measure + ":3: unknown plan 'nowhere' in :plan:"), problemsWith(measure, text));
    }

    @Test
    void duplicateIdsAreReported() {
        TestProject project = TestProject.fixture(temp)
                .write("content/services/other/hjelpesenteret.adoc", TestProject.fixtureText(SERVICE));
        ContentProblemsException e = assertThrows(ContentProblemsException.class, () -> build(project));
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).message().startsWith("duplicate service id 'hjelpesenteret'"), e.getMessage());
    }

    @Test
    void misspelledAttributeIsReportedAsUnknown() {
        String text = TestProject.fixtureText(SERVICE).replace(":cost: free", ":cost: free\n:kost: gratis");
        List<String> problems = problemsWith(SERVICE, text);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith(SERVICE + ":10: unknown attribute :kost: for this type"), problems.toString());
    }

    @Test
    void contactDetailsMustLookLikeContactDetails() {
        String text = TestProject.fixtureText(SERVICE)
                .replace(":email: hjelp@example.org", ":email: hjelp at example")
                .replace(":phone: 12 34 56 78", ":phone: ring oss");
        assertEquals(List.of(SERVICE + ":10: 'hjelp at example' is not an e-mail address",
                SERVICE + ":11: 'ring oss' is not a phone number (digits and spaces, optionally a leading +)"),
                problemsWith(SERVICE, text));
    }

    @Test
    void badDatesAndNumbersAreReported() {
        String measure = "content/plans/testplan/tiltak/foreldremote.adoc";
        String text = TestProject.fixtureText(measure).replace(":order: 1", ":order: first");
        assertEquals(List.of(measure + ":4: :order: must be a whole number, not 'first'"), problemsWith(measure, text));
        String service = TestProject.fixtureText(SERVICE).replace(":verified: 2020-02", ":verified: februar 2020");
        assertEquals(List.of(SERVICE + ":13: :verified: must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not 'februar 2020'"),
                problemsWith(SERVICE, service));
    }

    @Test
    void unknownTypeAndMissingTypeAreReported() {
        assertEquals(List.of("content/om.adoc:2: 'blog' is not a valid :jbake-type: (use one of: municipality, plan, chapter, "
                        + "measure, measures, service, program, term, page, directory)"),
                problemsWith("content/om.adoc", "= Om\n:jbake-type: blog\n"));
        assertEquals(List.of("content/om.adoc:1: missing required attribute :jbake-type:"),
                problemsWith("content/om.adoc", "= Om\n\nTekst\n"));
    }

    @Test
    void programNeedsAgeBandsAndArenas() {
        String program = "content/programs/testprogram.adoc";
        String text = TestProject.fixtureText(program).replaceAll("(?m)^:(age-bands|arenas):.*\\n", "");
        assertEquals(List.of(program + ":1: missing required attribute :age-bands:", program + ":1: missing required attribute :arenas:"),
                problemsWith(program, text));
    }
}
