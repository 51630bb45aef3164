package no.rusplan.bake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Date;
import java.util.List;
import java.util.Set;
import org.jbake.model.DocumentModel;
import org.junit.jupiter.api.Test;

/** The in-memory store answers JBake's store queries as JBake 2.7's OrientDB statements do. */
class MemoryContentStoreTest {
    private static DocumentModel document(String uri, String type, String status, Long date, String... tags) {
        DocumentModel document = new DocumentModel();
        document.setSourceUri(uri);
        document.setType(type);
        document.setStatus(status);
        document.setSha1("sha-" + uri);
        document.setRendered(false);
        document.setCached(true);
        if (date != null) {
            document.setDate(new Date(date));
        }
        document.setTags(tags);
        return document;
    }

    private static List<String> uris(List<DocumentModel> documents) {
        return documents.stream().map(DocumentModel::getSourceuri).toList();
    }

    private static MemoryContentStore storeOf(DocumentModel... documents) {
        MemoryContentStore store = new MemoryContentStore();
        store.startup();
        for (DocumentModel document : documents) {
            store.addDocument(document);
        }
        return store;
    }

    @Test
    void queriesFilterByTypeAndStatusNewestFirstWithUndatedLast() {
        MemoryContentStore store = storeOf(
                document("a.adoc", "service", "published", 1_000L),
                document("b.adoc", "service", "draft", 3_000L),
                document("c.adoc", "service", "published", null),
                document("d.adoc", "service", "published", 2_000L),
                document("e.adoc", "measure", "published", 5_000L));
        assertEquals(List.of("d.adoc", "a.adoc", "c.adoc"), uris(store.getPublishedContent("service")));
        assertEquals(List.of("b.adoc", "d.adoc", "a.adoc", "c.adoc"), uris(store.getAllContent("service")));
        assertEquals(List.of("e.adoc", "b.adoc", "d.adoc", "a.adoc", "c.adoc"), uris(store.getUnrenderedContent()));
        assertEquals(4, store.getDocumentCount("service"));
        assertEquals(3, store.getPublishedCount("service"));
        assertEquals(0, store.getDocumentCount("program"));
    }

    @Test
    void answersAreCopiesAsADatabaseWouldGive() {
        MemoryContentStore store = storeOf(document("a.adoc", "service", "published", 1_000L));
        DocumentModel answer = store.getUnrenderedContent().get(0);
        answer.setBody("<p>rendered</p>");
        answer.setTitle("Changed by a renderer");
        DocumentModel again = store.getDocumentByUri("a.adoc").get(0);
        assertEquals(null, again.getBody());
        assertEquals(null, again.getTitle());
    }

    @Test
    void theCrawlersStatusQueriesAndDeletesWorkBySourceUri() {
        MemoryContentStore store = storeOf(document("a.adoc", "service", "published", 1_000L));
        assertEquals("sha-a.adoc", store.getDocumentStatus("a.adoc").get(0).getSha1());
        assertTrue(store.getDocumentStatus("b.adoc").isEmpty());
        store.addDocument(document("a.adoc", "measure", "published", 1_000L)); // the source URI is unique
        assertEquals(List.of("a.adoc"), uris(store.getAllContent("measure")));
        assertEquals(0, store.getDocumentCount("service"));
        store.deleteContent("a.adoc");
        assertTrue(store.getDocumentByUri("a.adoc").isEmpty());
    }

    @Test
    void onlyCachedDocumentsOfTheSameTypeAreMarkedRendered() {
        DocumentModel notCached = document("b.adoc", "service", "published", 2_000L);
        notCached.setCached(false);
        MemoryContentStore store = storeOf(document("a.adoc", "service", "published", 1_000L), notCached);
        store.markContentAsRendered(document("a.adoc", "measure", "published", 1_000L));
        assertEquals(List.of("b.adoc", "a.adoc"), uris(store.getUnrenderedContent()));
        store.markContentAsRendered(document("a.adoc", "service", "published", 1_000L));
        store.markContentAsRendered(notCached);
        assertEquals(List.of("b.adoc"), uris(store.getUnrenderedContent()));
    }

    @Test
    void pagingAppliesOnlyWhenAskedAndBothBoundsAreSet() {
        MemoryContentStore store = storeOf(
                document("a.adoc", "post", "published", 4_000L),
                document("b.adoc", "post", "published", 3_000L),
                document("c.adoc", "post", "published", 2_000L),
                document("d.adoc", "post", "published", 1_000L));
        store.setStart(1);
        assertEquals(4, store.getAllContent("post", true).size()); // no limit set
        store.setLimit(2);
        assertEquals(List.of("b.adoc", "c.adoc"), uris(store.getAllContent("post", true)));
        assertEquals(List.of("b.adoc", "c.adoc"), uris(store.getPublishedPosts(true)));
        assertEquals(4, store.getAllContent("post", false).size());
        store.resetPagination();
        assertEquals(4, store.getPublishedPosts(true).size());
    }

    @Test
    void tagsComeFromPublishedDocuments() {
        MemoryContentStore store = storeOf(
                document("a.adoc", "post", "published", 3_000L, "rus", "alkohol"),
                document("b.adoc", "service", "published", 2_000L, "hjelp"),
                document("c.adoc", "post", "draft", 1_000L, "utkast"));
        assertEquals(Set.of("rus", "alkohol"), store.getTags());
        assertEquals(Set.of("rus", "alkohol", "hjelp"), store.getAllTags());
        assertEquals(List.of("a.adoc"), uris(store.getPublishedPostsByTag("rus")));
        assertEquals(List.of("b.adoc"), uris(store.getPublishedDocumentsByTag("hjelp")));
        assertTrue(store.getPublishedDocumentsByTag("utkast").isEmpty());
    }
}
