package no.rusplan.bake;

import java.io.File;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jbake.app.ContentStore;
import org.jbake.app.DocumentList;
import org.jbake.model.DocumentModel;

/**
 * JBake's document store for one bake, kept in a map instead of an in-memory OrientDB database.
 * JBake 2.7 creates that database, its schema and its indexes on every bake and inserts every
 * crawled document as a database record, which the renderers then read back: at 5,000 pages
 * the store's start-up, inserts and queries were about 7 % of a cold build's CPU samples (plus
 * the JIT compiling OrientDB's code), on the one thread the crawl runs on, before any page can
 * be rendered. A Rusplan bake starts from an empty store and throws it away, so nothing of the
 * database was used but its queries, which this class answers with the same meaning
 * (the statements are JBake 2.7's, quoted at each method). Every answer is a copy of the
 * stored documents, as a database query's would be, so a renderer changing a model changes
 * nothing here. Thread-safe: the crawl writes on one thread, renderers read on others.
 * <p>{@link ContentStore#updateSchema()} is final and needs the database; nothing calls it,
 * because {@link SiteBaker} runs JBake's bake steps itself.
 */
final class MemoryContentStore extends ContentStore {
    private static final String PUBLISHED = "published";
    /** "order by date desc"; documents without a date last, as OrientDB orders nulls. */
    private static final Comparator<DocumentModel> NEWEST_FIRST = Comparator.comparing(DocumentModel::getDate,
            Comparator.nullsFirst(Comparator.<Date>naturalOrder())).reversed();

    /** Every document by its source URI, in the order crawled. */
    private final Map<String, DocumentModel> documents = new LinkedHashMap<>();
    private boolean active;

    MemoryContentStore() {
        super("memory", "rusplan");
    }

    @Override
    public synchronized void startup() {
        active = true;
    }

    @Override
    public synchronized void close() {
        active = false;
    }

    @Override
    public void shutdown() {
        close();
    }

    @Override
    public synchronized void drop() {
        documents.clear();
    }

    @Override
    public synchronized boolean isActive() {
        return active;
    }

    /** A crawled document; one with the same source URI is replaced (it is unique in JBake's schema). */
    @Override
    public synchronized void addDocument(DocumentModel document) {
        documents.put(document.getSourceuri(), copy(document));
    }

    /** {@code select count(*) from Documents where type=?}. */
    @Override
    public long getDocumentCount(String docType) {
        return count(d -> docType.equals(d.getType()));
    }

    /** {@code select count(*) as count from Documents where status='published' and type=?}. */
    @Override
    public long getPublishedCount(String docType) {
        return count(d -> docType.equals(d.getType()) && PUBLISHED.equals(d.getStatus()));
    }

    /** {@code select * from Documents where sourceuri=?} (the crawl asks it for every file: a lookup, not a scan). */
    @Override
    public synchronized DocumentList<DocumentModel> getDocumentByUri(String uri) {
        DocumentList<DocumentModel> found = new DocumentList<>();
        DocumentModel document = documents.get(uri);
        if (document != null) {
            found.add(copy(document));
        }
        return found;
    }

    /** {@code select sha1,rendered from Documents where sourceuri=?} (the whole document here). */
    @Override
    public DocumentList<DocumentModel> getDocumentStatus(String uri) {
        return getDocumentByUri(uri);
    }

    @Override
    public DocumentList<DocumentModel> getPublishedPosts() {
        return getPublishedContent("post");
    }

    @Override
    public DocumentList<DocumentModel> getPublishedPosts(boolean applyPaging) {
        return paged(getPublishedContent("post"), applyPaging);
    }

    /** {@code select * from Documents where status='published' and type='post' and ? in tags order by date desc}. */
    @Override
    public DocumentList<DocumentModel> getPublishedPostsByTag(String tag) {
        return newestFirst(d -> "post".equals(d.getType()) && PUBLISHED.equals(d.getStatus()) && hasTag(d, tag));
    }

    /** {@code select * from Documents where status='published' and ? in tags order by date desc}. */
    @Override
    public DocumentList<DocumentModel> getPublishedDocumentsByTag(String tag) {
        return newestFirst(d -> PUBLISHED.equals(d.getStatus()) && hasTag(d, tag));
    }

    @Override
    public DocumentList<DocumentModel> getPublishedPages() {
        return getPublishedContent("page");
    }

    /** {@code select * from Documents where status='published' and type=? order by date desc}. */
    @Override
    public DocumentList<DocumentModel> getPublishedContent(String docType) {
        return newestFirst(d -> docType.equals(d.getType()) && PUBLISHED.equals(d.getStatus()));
    }

    @Override
    public DocumentList<DocumentModel> getAllContent(String docType) {
        return getAllContent(docType, false);
    }

    /** {@code select * from Documents where type=? order by date desc}, a page of it when asked. */
    @Override
    public DocumentList<DocumentModel> getAllContent(String docType, boolean applyPaging) {
        return paged(newestFirst(d -> docType.equals(d.getType())), applyPaging);
    }

    /** {@code select * from Documents where rendered=false order by date desc}. */
    @Override
    public DocumentList<DocumentModel> getUnrenderedContent() {
        return newestFirst(d -> !Boolean.TRUE.equals(d.getRendered()));
    }

    /** {@code delete from Documents where sourceuri=?}. */
    @Override
    public synchronized void deleteContent(String uri) {
        documents.remove(uri);
    }

    /** {@code update Documents set rendered=true where rendered=false and type=? and sourceuri=? and cached=true}. */
    @Override
    public synchronized void markContentAsRendered(DocumentModel document) {
        DocumentModel stored = documents.get(document.getSourceuri());
        if (stored != null && document.getType() != null && document.getType().equals(stored.getType())
                && Boolean.TRUE.equals(stored.getCached())) {
            stored.setRendered(true);
        }
    }

    /** {@code delete from Documents where type=?}. */
    @Override
    public synchronized void deleteAllByDocType(String docType) {
        documents.values().removeIf(d -> docType.equals(d.getType()));
    }

    /** The tags of published posts. */
    @Override
    public Set<String> getTags() {
        return tags(select(d -> "post".equals(d.getType()) && PUBLISHED.equals(d.getStatus())));
    }

    /** The tags of every published document. */
    @Override
    public Set<String> getAllTags() {
        return tags(select(d -> PUBLISHED.equals(d.getStatus())));
    }

    /**
     * JBake keeps the store between bakes and clears it when the templates changed; this store
     * lives for one bake and starts empty, so there is never anything to clear.
     */
    @Override
    public void updateAndClearCacheIfNeeded(boolean needed, File templateFolder) {
        if (needed) {
            drop();
        }
    }

    private synchronized long count(Predicate<DocumentModel> where) {
        return documents.values().stream().filter(where).count();
    }

    private synchronized DocumentList<DocumentModel> select(Predicate<DocumentModel> where) {
        DocumentList<DocumentModel> found = new DocumentList<>();
        for (DocumentModel document : documents.values()) {
            if (where.test(document)) {
                found.add(copy(document));
            }
        }
        return found;
    }

    private DocumentList<DocumentModel> newestFirst(Predicate<DocumentModel> where) {
        DocumentList<DocumentModel> found = select(where);
        found.sort(NEWEST_FIRST);
        return found;
    }

    /** "skip start limit limit" when paging is asked for and the renderer set both bounds. */
    private DocumentList<DocumentModel> paged(DocumentList<DocumentModel> all, boolean applyPaging) {
        long start = getStart();
        long limit = getLimit();
        if (!applyPaging || start < 0 || limit < 0) {
            return all;
        }
        DocumentList<DocumentModel> page = new DocumentList<>();
        all.stream().skip(start).limit(limit).forEach(page::add);
        return page;
    }

    private static boolean hasTag(DocumentModel document, String tag) {
        String[] tags = document.getTags();
        return tags != null && Arrays.asList(tags).contains(tag);
    }

    private static Set<String> tags(List<DocumentModel> documents) {
        Set<String> tags = new LinkedHashSet<>();
        for (DocumentModel document : documents) {
            if (document.getTags() != null) {
                tags.addAll(Arrays.asList(document.getTags()));
            }
        }
        return tags;
    }

    private static DocumentModel copy(DocumentModel document) {
        DocumentModel copy = new DocumentModel();
        copy.putAll(document);
        return copy;
    }
}
