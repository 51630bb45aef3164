package no.rusplan.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelReadsTest {
    private record Listing(String title, Map<String, Integer> counts) {
    }

    private static Map<String, Integer> inOrder(Object... keysAndValues) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (Integer) keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void valuesAreTheSameOnlyInTheOrderATemplateListsThem() {
        Map<String, Integer> ab = inOrder("a", 1, "b", 2);
        Map<String, Integer> ba = inOrder("b", 2, "a", 1);
        assertEquals(ab, ba, "equal as maps");
        assertFalse(ModelReads.same(ab, ba), "but listed in another order");
        assertEquals(new Listing("x", ab), new Listing("x", ba), "records compare their maps as maps");
        assertFalse(ModelReads.same(new Listing("x", ab), new Listing("x", ba)), "here, in order");
        assertTrue(ModelReads.same(Optional.of(List.of(new Listing("x", ab))),
                Optional.of(List.of(new Listing("x", inOrder("a", 1, "b", 2))))));
        assertFalse(ModelReads.same(List.of("a"), List.of("a", "b")));
        assertFalse(ModelReads.same(Optional.empty(), Optional.of("a")));
        assertFalse(ModelReads.same(new Object(), new Object()), "without equals: never the same across models");
    }
}
