package no.rusplan.bake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import no.rusplan.model.Glossary;
import org.junit.jupiter.api.Test;

class AbbreviationMarkerTest {
    private final AbbreviationMarker marker = new AbbreviationMarker(new Glossary(Map.of(
            "ARP", "Avdeling for rusrelatert psykiatri", "TSB", "Tverrfaglig spesialisert rusbehandling", "AA", "Anonyme Alkoholikere")));

    @Test
    void marksOnlyTheFirstUseOfEachAbbreviation() {
        assertEquals("<p>Ved <abbr title=\"Avdeling for rusrelatert psykiatri\">ARP</abbr> og ARP, se "
                        + "<abbr title=\"Tverrfaglig spesialisert rusbehandling\">TSB</abbr>.</p><p>ARP igjen.</p>",
                marker.mark("<p>Ved ARP og ARP, se TSB.</p><p>ARP igjen.</p>"));
    }

    @Test
    void leavesWordsThatOnlyContainTheAbbreviationAndTextInLinksAndHeadingsAlone() {
        assertEquals("<h2>ARP</h2><p><a href=\"/x/\">ARP</a> AAA ARPs <abbr title=\"Avdeling for rusrelatert psykiatri\">ARP</abbr></p>",
                marker.mark("<h2>ARP</h2><p><a href=\"/x/\">ARP</a> AAA ARPs ARP</p>"));
    }

    @Test
    void escapesTheExpansionAndKeepsNorwegianLetters() {
        Glossary glossary = new Glossary(Map.of("FHI", "Folkehelseinstituttet \"FHI\" & co"));
        assertEquals("<p>Se <abbr title=\"Folkehelseinstituttet &quot;FHI&quot; &amp; co\">FHI</abbr>, ikke FHIø.</p>",
                new AbbreviationMarker(glossary).mark("<p>Se FHI, ikke FHIø.</p>"));
    }
}
