package no.rusplan.render;

import freemarker.core.Environment;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import freemarker.template.utility.DeepUnwrap;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code <@cached name="service-card" key=s>…</@cached>}: renders its body once per name and
 * key object (the same object, not an equal one) for the life of one Freemarker configuration,
 * which is one build or rebuild, and writes the same text wherever the same entry appears again.
 * Only for markup that depends on nothing but the key and the UI strings: the help directories
 * each list every service with the same card, so a build renders 1,891 cards once instead of
 * once per directory. What the body read from the site model while a page's reads were being
 * recorded ({@link ModelReads}) is recorded again for every page that reuses it.
 */
public final class FragmentCache implements TemplateDirectiveModel {
    /** A name and a key object, compared by identity. */
    private static final class Key {
        private final String name;
        private final Object item;

        Key(String name, Object item) {
            this.name = name;
            this.item = item;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.item == item && key.name.equals(name);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + System.identityHashCode(item);
        }
    }

    /** A rendered body, the model reads it made, and whether they were being recorded then. */
    private record Fragment(String text, List<?> reads, boolean recorded) {
    }

    private final Map<Key, Fragment> fragments = new ConcurrentHashMap<>();

    @Override
    public void execute(Environment env, @SuppressWarnings("rawtypes") Map params, TemplateModel[] loopVars,
                        TemplateDirectiveBody body) throws TemplateException, IOException {
        Object name = params.get("name");
        Object key = params.get("key");
        if (params.size() != 2 || !(name instanceof TemplateScalarModel scalar) || !(key instanceof TemplateModel model)
                || loopVars.length != 0 || body == null) {
            throw new TemplateModelException("@cached takes a name, a key and a body, e.g. <@cached name=\"card\" key=s>…</@cached>");
        }
        Object item = DeepUnwrap.permissiveUnwrap(model);
        Key cacheKey = new Key(scalar.getAsString(), item);
        Fragment fragment = fragments.get(cacheKey);
        int mark = ModelReads.mark();
        if (fragment == null || (mark >= 0 && !fragment.recorded())) { // reads to record that were not
            StringWriter out = new StringWriter();
            body.render(out);
            fragment = new Fragment(out.toString(), ModelReads.since(mark), mark >= 0);
            fragments.put(cacheKey, fragment);
        } else {
            ModelReads.replay(fragment.reads());
        }
        env.getOut().write(fragment.text());
    }
}
