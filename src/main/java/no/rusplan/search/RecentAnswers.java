package no.rusplan.search;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers to the most recently asked requests, least recently asked dropped first. Search
 * traffic repeats itself ("rus", "pårørende", the municipality's own name), and an answer can
 * only change with the index, which gets a new {@link SearchService} and so a new, empty store.
 * Thread-safe.
 */
final class RecentAnswers {
    private final int capacity;
    private final Map<SearchRequest, SearchResult> answers;

    /** @param capacity most answers kept; 0 keeps none */
    RecentAnswers(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be 0 or more, was " + capacity);
        }
        this.capacity = capacity;
        this.answers = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<SearchRequest, SearchResult> eldest) {
                return size() > RecentAnswers.this.capacity;
            }
        };
    }

    /** The kept answer to {@code request}, or null. */
    synchronized SearchResult get(SearchRequest request) {
        return capacity == 0 ? null : answers.get(request);
    }

    synchronized void put(SearchRequest request, SearchResult answer) {
        if (capacity > 0) {
            answers.put(request, answer);
        }
    }

    synchronized int size() {
        return answers.size();
    }
}
