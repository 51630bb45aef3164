package no.rusplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import no.rusplan.TestProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as authors meet it: exit codes, file:line messages, no stack traces. */
class RusplanCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @TempDir
    Path temp;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"build", "serve", "check"}) {
            out.reset();
            assertEquals(0, RusplanCommand.run(command, "--help"), command);
            assertTrue(out().contains("Usage: rusplan " + command), out());
        }
    }

    @Test
    void buildThenBrokenContentExitsNonZeroWithFileAndLineAndKeepsTheSite() throws Exception {
        TestProject project = TestProject.fixture(temp);
        assertEquals(0, RusplanCommand.run("build", "--project", project.root().toString()), err());
        assertTrue(out().contains("Built 16 pages, indexed 16"), out());
        String site = TestProject.fingerprint(project.layout().siteDir());
        String index = TestProject.fingerprint(project.layout().indexDir());

        project.write("content/services/hjelpesenteret.adoc",
                TestProject.fixtureText("content/services/hjelpesenteret.adoc").replace(":municipalities: testby\n", ""));
        int code = RusplanCommand.run("build", "--project", project.root().toString());

        assertEquals(1, code);
        assertTrue(err().contains("content/services/hjelpesenteret.adoc:1: missing required attribute :municipalities:"), err());
        assertTrue(err().contains("nothing was published"), err());
        assertFalse(err().contains("Exception"), "no stack trace for a content error: " + err());
        assertEquals(site, TestProject.fingerprint(project.layout().siteDir()));
        assertEquals(index, TestProject.fingerprint(project.layout().indexDir()));
    }

    @Test
    void brokenAsciiDocIsReportedOnceAtItsLine() throws Exception {
        // java.util.logging's console handler is made afresh, so it would write to the
        // captured stream: AsciidoctorJ's own copy of the message would show up there
        java.util.logging.LogManager.getLogManager().readConfiguration();
        TestProject project = TestProject.fixture(temp);
        project.write("content/om.adoc", "= Om\n:jbake-type: page\n\nTekst.\n\n----\nuavsluttet\n");
        assertEquals(1, RusplanCommand.run("build", "-p", project.root().toString()));
        String message = "unterminated listing block";
        assertTrue(err().contains("content/om.adoc:6: AsciiDoc: " + message), err());
        assertEquals(1, err().split(message, -1).length - 1, "reported once: " + err());
    }

    @Test
    void checkReportsProblemsAndPublishesNothing() {
        TestProject project = TestProject.fixture(temp);
        project.write("content/om.adoc", "= Om\n:jbake-type: page\n\nSe link:/finnes-ikke/[her].\n");
        assertEquals(1, RusplanCommand.run("check", "-p", project.root().toString()));
        assertTrue(err().contains("content/om.adoc:4: dead internal link '/finnes-ikke/'"), err());
        assertFalse(Files.exists(project.layout().siteDir()));
    }

    @Test
    void checkListsEntriesVerifiedLongAgo() {
        TestProject project = TestProject.fixture(temp);
        assertEquals(0, RusplanCommand.run("check", "-p", project.root().toString()), err());
        assertTrue(out().contains("content/services/hjelpesenteret.adoc:13: warning: last verified 2020-02, more than 24 months ago"),
                out());
        project.write("site.properties", "verified.max-age-months=999\n");
        out.reset();
        assertEquals(0, RusplanCommand.run("check", "-p", project.root().toString()), err());
        assertFalse(out().contains("warning"), out());
    }

    @Test
    void serveWithoutABuiltSiteSaysWhatToDo() {
        TestProject project = TestProject.fixture(temp);
        assertEquals(2, RusplanCommand.run("serve", "-p", project.root().toString(), "--port", "0"));
        assertTrue(err().contains("run 'rusplan build' first"), err());
    }

    @Test
    void negativeKeptAnswersIsAUsageError() {
        TestProject project = TestProject.fixture(temp);
        assertEquals(2, RusplanCommand.run("serve", "-p", project.root().toString(), "--port", "0", "--kept-answers", "-1"));
        assertTrue(err().contains("--kept-answers must be 0 or more, was -1"), err());
        assertFalse(err().contains("Exception"), err());
    }

    @Test
    void badSiteSettingIsNamed() {
        TestProject project = TestProject.fixture(temp).write("site.properties", "site.lang=se\n");
        assertEquals(1, RusplanCommand.run("build", "-p", project.root().toString()));
        assertTrue(err().contains("site.properties: site.lang must be nb or nn, not 'se'"), err());
    }
}
