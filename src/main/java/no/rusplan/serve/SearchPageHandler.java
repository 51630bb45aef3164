package no.rusplan.serve;

import freemarker.template.Configuration;
import freemarker.template.Template;
import java.util.Map;
import no.rusplan.render.SiteView;
import no.rusplan.search.InvalidQueryException;
import no.rusplan.search.SearchRequest;
import no.rusplan.search.SearchService;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /sok?q=…}: the search results page, rendered by the same Freemarker templates as
 * the baked pages ({@code templates/search.ftlh}), so search works with JavaScript off.
 */
final class SearchPageHandler extends Handler.Abstract {
    static final String PATH = "/sok";

    private final SearchService search;
    private final SiteView view;
    private final Template template;

    SearchPageHandler(SearchService search, SiteView view, Configuration freemarker) throws java.io.IOException {
        this.search = search;
        this.view = view;
        this.template = freemarker.getTemplate("search.ftlh");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Map<String, Object> model = view.variables(PATH + "/");
        int status = HttpStatus.OK_200;
        try {
            SearchRequest query = SearchRequest.parse(QueryParameters.of(request));
            model.put("request", query);
            model.put("result", search.search(query));
        } catch (InvalidQueryException e) {
            status = HttpStatus.BAD_REQUEST_400;
            model.put("error", e.getMessage());
        }
        return RenderedPage.send(response, callback, status, template, model);
    }
}
