package no.rusplan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FacetsTest {
    private record Entry(String name, List<String> places, List<String> audiences) {
    }

    private static final Entry A = new Entry("a", List.of("x", "y"), List.of("adults"));
    private static final Entry B = new Entry("b", List.of("x"), List.of("relatives"));
    private static final Entry C = new Entry("c", List.of("y"), List.of("adults", "relatives"));
    private static final Entry D = new Entry("d", List.of(), List.of("adults"));
    private static final Entry E = new Entry("e", List.of("x", "x"), List.of("adults"));

    private final Facets<Entry> facets = new Facets<>(List.of(A, B, C, D, E), List.of(
            new Facets.Dimension<>("kommune", "filter.municipality", Entry::places,
                    List.of(Facets.Option.literal("x", "X"), Facets.Option.literal("y", "Y"), Facets.Option.literal("z", "Z"))),
            new Facets.Dimension<>("for", "filter.audience", Entry::audiences,
                    List.of(Facets.Option.literal("adults", "Voksne"), Facets.Option.literal("relatives", "Pårørende")))));

    private static Map<String, Integer> counts(FilteredList<Entry> list, String parameter) {
        return list.dimensions().stream().filter(d -> d.parameter().equals(parameter)).findFirst().orElseThrow()
                .options().stream().collect(Collectors.toMap(FilterOption::value, FilterOption::count));
    }

    @Test
    void countsFollowTheOtherDimensionsOnlyAndCountAnEntryOncePerValue() {
        FilteredList<Entry> list = facets.apply(Map.of("kommune", "x"));
        // the municipality's own counts ignore its selection (drill sideways); E's repeated x counts once
        assertEquals(Map.of("x", 3, "y", 2, "z", 0), counts(list, "kommune"));
        // the audience counts are of the entries in x: A, B and E
        assertEquals(Map.of("adults", 2, "relatives", 1), counts(list, "for"));
        assertEquals(3, list.shownCount());
        assertTrue(list.shows(A) && list.shows(B) && list.shows(E));
        assertFalse(list.shows(C) || list.shows(D));
    }

    @Test
    void twoSelectionsMustBothMatchAndEmptyMeansAny() {
        FilteredList<Entry> list = facets.apply(Map.of("kommune", "y", "for", "relatives", "ignored-empty", ""));
        assertEquals(1, list.shownCount());
        assertTrue(list.shows(C));
        assertEquals(Map.of("x", 1, "y", 1, "z", 0), counts(list, "kommune")); // relatives: B (x) and C (y)
        assertEquals(Map.of("adults", 2, "relatives", 1), counts(list, "for")); // in y: A and C
        assertEquals(5, facets.apply(Map.of("for", "")).shownCount());
    }

    @Test
    void dataAttributeValuesAreDistinctAndInOrder() {
        assertEquals("adults|relatives", facets.values("for", C));
        assertEquals("x", facets.values("kommune", E));
        assertEquals("", facets.values("kommune", D));
        assertEquals("", facets.values("unknown", A));
        // an entry the directory does not list is still answered
        assertEquals("q", facets.values("kommune", new Entry("f", List.of("q"), List.of())));
    }

    @Test
    void unknownParametersAndValuesAreNamed() {
        assertEquals("tema: is not a filter here", facets.invalid(Map.of("tema", "x")).orElseThrow().toString());
        assertEquals("kommune: 'q' is not one of its values", facets.invalid(Map.of("kommune", "q")).orElseThrow().toString());
        assertTrue(facets.invalid(Map.of("kommune", "y")).isEmpty());
    }
    @Test
    void aFixedFilterKeepsOnlyItsItemsAndTheOtherDimensionsCountAmongThem() {
        // a page for relatives, asked for municipality x (and, ignored, for adults)
        FilteredList<Entry> list = facets.apply(Map.of("for", "relatives"), Map.of("kommune", "x", "for", "adults"));
        assertEquals(List.of(B, C), list.items());
        assertEquals(List.of("kommune"), list.dimensions().stream().map(FilterDimension::parameter).toList());
        assertEquals(Map.of("x", 1, "y", 1, "z", 0), counts(list, "kommune"));
        assertEquals(List.of(new FilterDimension("for", "filter.audience",
                List.of(new FilterOption("relatives", "", "Pårørende", 2, true)))), list.fixed());
        assertEquals(Map.of("kommune", "x"), list.selection());
        assertTrue(list.shows(B));
        assertFalse(list.shows(C) || list.shows(A));
        assertEquals(1, list.shownCount());
        // data attributes still name every dimension
        assertEquals(List.of("kommune", "for"), list.parameters());
        assertEquals("adults|relatives", list.values("for", C));
    }

    @Test
    void aListIsEqualWhenWhatItHoldsAndShowsIsTheSame() {
        Entry renamedD = new Entry("d2", D.places(), D.audiences());
        Entry renamedB = new Entry("b2", B.places(), B.audiences());
        Facets<Entry> dChanged = new Facets<>(List.of(A, B, C, renamedD, E), facets.dimensions());
        Facets<Entry> bChanged = new Facets<>(List.of(A, renamedB, C, D, E), facets.dimensions());
        Map<String, String> relatives = Map.of("for", "relatives");
        // D is not for relatives: the relatives page's list is the same; B is
        assertEquals(facets.apply(relatives, Map.of()), dChanged.apply(relatives, Map.of()));
        assertEquals(facets.apply(relatives, Map.of()).hashCode(), dChanged.apply(relatives, Map.of()).hashCode());
        assertFalse(facets.apply(relatives, Map.of()).equals(bChanged.apply(relatives, Map.of())));
        // the whole directory holds D
        assertFalse(facets.apply(Map.of()).equals(dChanged.apply(Map.of())));
        // what is shown counts too
        assertFalse(facets.apply(relatives, Map.of()).equals(facets.apply(relatives, Map.of("kommune", "y"))));
    }
    @Test
    void aSelectionContradictsAPageOnlyWithAnotherValueOfAFixedDimension() {
        Map<String, String> fixed = new java.util.LinkedHashMap<>();
        fixed.put("kommune", "grong");
        fixed.put("for", "relatives");
        Page page = new Page("hjelp-grong", "Hjelp i Grong for pårørende", Listing.SERVICES, fixed,
                new Location(java.nio.file.Path.of("content/hjelp/grong.adoc"), "/hjelp/grong/"));
        assertEquals(java.util.Optional.empty(), page.contradictedFilter(Map.of("kommune", "grong", "type", "municipal")));
        assertEquals(java.util.Optional.empty(), page.contradictedFilter(Map.of("for", "", "kommune", "grong")));
        // the page's own municipality comes first; the audience is what the selection contradicts
        assertEquals(java.util.Optional.of("for"), page.contradictedFilter(Map.of("kommune", "grong", "for", "adults")));
    }
}
