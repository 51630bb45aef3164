package no.rusplan.analysis;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Emits each token and then, at the same position and with the same offsets (so a match on
 * a part marks the whole word), the parts {@link CompoundSplitter} finds in it. Index-time only:
 * "pårørendesenter" is then found by "pårørende", "senter" and the whole word.
 */
public final class CompoundSplitFilter extends TokenFilter {
    private final CompoundSplitter splitter;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final Deque<String> pending = new ArrayDeque<>();
    private State original;

    public CompoundSplitFilter(TokenStream input, CompoundSplitter splitter) {
        super(input);
        this.splitter = splitter;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            restoreState(original);
            term.setEmpty().append(pending.removeFirst());
            position.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        if (!keyword.isKeyword()) {
            pending.addAll(splitter.split(term.toString()));
            if (!pending.isEmpty()) {
                original = captureState();
            }
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        original = null;
    }
}
