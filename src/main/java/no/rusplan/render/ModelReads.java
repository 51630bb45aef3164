package no.rusplan.render;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import no.rusplan.model.Item;
import no.rusplan.model.SiteModel;

/**
 * What each content page's rendering read from the site model: every call its templates made
 * on {@code site} (method, arguments, result), recorded by {@link TemplateSetup}'s object
 * wrapper while {@link #record} runs. A page renders from its item, its body, those calls and
 * what does not change between two builds of one day from the same templates (UI strings,
 * settings, the day). So when headers change, the pages that may look different are the
 * changed files' own pages, the pages whose item is no longer the same, and the pages for
 * which one of those calls now answers differently ({@link #affected}). That is how
 * {@code serve --watch} re-renders a handful of pages instead of all of them to find the few
 * that differ; a page with nothing recorded counts as affected.
 */
public final class ModelReads {
    /** A call a template made on the site model. */
    private record Call(Method method, List<Object> arguments) {
    }

    /** A call and what it returned then. */
    private record Read(Call call, Object result) {
    }

    private static final ThreadLocal<List<Read>> CURRENT = new ThreadLocal<>();

    private final LocalDate day;
    private final Map<Path, List<Read>> byFile = new ConcurrentHashMap<>();

    /** @param day the day the pages are rendered for (templates may show what is stale by then) */
    public ModelReads(LocalDate day) {
        this.day = day;
    }

    public LocalDate day() {
        return day;
    }

    /** A rendering that may fail with {@code E}. */
    @FunctionalInterface
    public interface Rendering<T, E extends Exception> {
        T render() throws E;
    }

    /** Runs {@code rendering} (of {@code file}'s page, on this thread) and keeps what it read from the model. */
    public <T, E extends Exception> T record(Path file, Rendering<T, E> rendering) throws E {
        List<Read> outer = CURRENT.get();
        List<Read> reads = new ArrayList<>();
        CURRENT.set(reads);
        try {
            T result = rendering.render();
            byFile.put(key(file), List.copyOf(reads));
            return result;
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** How many calls on the model {@code file}'s page made (-1: not recorded). */
    int readCount(Path file) {
        List<Read> reads = byFile.get(key(file));
        return reads == null ? -1 : reads.size();
    }

    /** Whether a page's rendering is being recorded on this thread. */
    static boolean recording() {
        return CURRENT.get() != null;
    }

    /** Called by the object wrapper for every call a template makes on the site model while recording. */
    static void noteRead(Method method, Object[] arguments, Object result) {
        List<Read> reads = CURRENT.get();
        if (reads != null) {
            reads.add(new Read(new Call(method, arguments == null ? List.of() : Arrays.asList(arguments.clone())), result));
        }
    }

    /** How many reads this thread's page has recorded so far (-1: none is being recorded), for {@link #since}. */
    static int mark() {
        List<Read> reads = CURRENT.get();
        return reads == null ? -1 : reads.size();
    }

    /** The reads this thread's page recorded after {@code mark}: what a cached fragment read. */
    static List<?> since(int mark) {
        List<Read> reads = CURRENT.get();
        return reads == null || mark < 0 ? List.of() : List.copyOf(reads.subList(mark, reads.size()));
    }

    /** Records {@code fragmentReads} (from {@link #since}) for this thread's page too: it shows that fragment. */
    static void replay(List<?> fragmentReads) {
        List<Read> reads = CURRENT.get();
        if (reads != null) {
            fragmentReads.forEach(read -> reads.add((Read) read));
        }
    }

    /** These reads, with {@code newer}'s pages in place of the same pages here. */
    public ModelReads with(ModelReads newer) {
        ModelReads merged = new ModelReads(newer.day);
        merged.byFile.putAll(byFile);
        merged.byFile.putAll(newer.byFile);
        return merged;
    }

    /**
     * Of {@code files} (content files of both models), those whose page may render differently
     * with {@code next} than it did with {@code previous}: the files in {@code changed}, files
     * with nothing recorded, files whose item differs, and files for which a recorded call on
     * {@code next} returns something that is not the same, in order, as what it returned then.
     * Each distinct call is asked once (every page that made it saw the same answer: had it
     * changed, the page would have been rendered again and recorded anew).
     */
    public Set<Path> affected(SiteModel previous, SiteModel next, Collection<Path> files, Set<Path> changed) {
        Set<Path> changedKeys = new java.util.HashSet<>();
        changed.forEach(file -> changedKeys.add(key(file)));
        // on every core: a call asks the new model and compares its answer, thousands of times at 5,000 pages
        Map<Call, Boolean> answers = new ConcurrentHashMap<>();
        Set<Path> affected = new LinkedHashSet<>(files.parallelStream().filter(file -> {
            Path key = key(file);
            List<Read> reads = byFile.get(key);
            Optional<Item> was = previous.itemFor(file);
            Optional<Item> now = next.itemFor(file);
            return changedKeys.contains(key) || reads == null || was.isEmpty() || now.isEmpty()
                    || !same(was.get(), now.get())
                    || reads.stream().anyMatch(read -> !answers.computeIfAbsent(read.call(), call -> answersTheSame(read, next)));
        }).toList());
        return affected;
    }

    private static boolean answersTheSame(Read read, SiteModel next) {
        try {
            return same(read.result(), read.call().method().invoke(next, read.call().arguments().toArray()));
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            return false; // the page's template would now fail or take another path: render it
        }
    }

    /**
     * Whether two values render the same: equal, and where {@code equals} ignores order (maps,
     * sets) also in their iteration order, since a template lists them in that order; inside
     * lists, optionals and records too, so a map in a record is compared in order. Anything else
     * compares with {@code equals}, which for a class without one means identity: never the
     * same across models, so its pages are rendered again.
     */
    static boolean same(Object a, Object b) {
        if (a == b) {
            return true;
        }
        return a != null && b != null && a.getClass() == b.getClass() && a.equals(b) && inOrder(a, b);
    }

    /** For {@code a.equals(b)}: whether they also iterate in the same order, all the way down. */
    private static boolean inOrder(Object a, Object b) {
        if (a == null || a == b) {
            return true;
        }
        if (a instanceof Map<?, ?> left) {
            Iterator<? extends Map.Entry<?, ?>> right = ((Map<?, ?>) b).entrySet().iterator();
            for (Map.Entry<?, ?> entry : left.entrySet()) {
                Map.Entry<?, ?> other = right.next();
                if (!same(entry.getKey(), other.getKey()) || !same(entry.getValue(), other.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> left) {
            Iterator<?> right = ((List<?>) b).iterator();
            for (Object element : left) {
                if (!inOrder(element, right.next())) { // equal lists: equal elements, pair by pair
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Collection<?> left) {
            Iterator<?> right = ((Collection<?>) b).iterator();
            for (Object element : left) {
                if (!same(element, right.next())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Optional<?> left) {
            return inOrder(left.orElse(null), ((Optional<?>) b).orElse(null));
        }
        if (!ORDER_MAY_DIFFER.get(a.getClass())) {
            return true;
        }
        for (Method accessor : ACCESSORS.get(a.getClass())) {
            try {
                if (!inOrder(accessor.invoke(a), accessor.invoke(b))) {
                    return false;
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                return false;
            }
        }
        return true;
    }

    /** A record's component accessors, in order. */
    private static final ClassValue<List<Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            List<Method> accessors = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                accessors.add(accessor);
            }
            return List.copyOf(accessors);
        }
    };

    /**
     * Whether a class is a record that may hold, somewhere inside, a map or set whose order its
     * {@code equals} ignores (judged from its components' declared types; an unknown type may).
     */
    private static final ClassValue<Boolean> ORDER_MAY_DIFFER = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return type.isRecord() && mayHoldUnordered(type, new java.util.HashSet<>());
        }
    };

    private static boolean mayHoldUnordered(java.lang.reflect.Type type, Set<Class<?>> seen) {
        if (type instanceof java.lang.reflect.ParameterizedType parameterized
                && parameterized.getRawType() instanceof Class<?> raw) {
            if (List.class.isAssignableFrom(raw) || Optional.class == raw) {
                return mayHoldUnordered(parameterized.getActualTypeArguments()[0], seen);
            }
            return mayHoldUnordered(raw, seen);
        }
        if (!(type instanceof Class<?> raw)) {
            return true; // a type variable or wildcard: could be anything
        }
        if (raw.isPrimitive() || raw.isEnum() || raw == String.class || Number.class.isAssignableFrom(raw)
                || raw == Boolean.class || raw == Character.class || java.time.temporal.Temporal.class.isAssignableFrom(raw)
                || Path.class.isAssignableFrom(raw)) {
            return false;
        }
        if (raw.isRecord()) {
            if (!seen.add(raw)) {
                return false; // already being looked at, further up
            }
            for (RecordComponent component : raw.getRecordComponents()) {
                if (mayHoldUnordered(component.getGenericType(), seen)) {
                    return true;
                }
            }
            return false;
        }
        return true; // maps, sets, raw lists, interfaces, Object and other classes: they may
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
