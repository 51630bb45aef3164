package no.rusplan.serve;

import freemarker.template.Configuration;
import freemarker.template.Template;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.rusplan.model.Facets;
import no.rusplan.model.Page;
import no.rusplan.render.SiteView;
import no.rusplan.search.InvalidQueryException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Answers the filter form of a directory page ({@code /hjelp/?kommune=grong&for=relatives})
 * without JavaScript: the same template as the baked page, with the request's selection
 * applied by the model's {@link Facets}. A page with a fixed filter holds only what that
 * filter keeps, so a request for other values of it is sent on (303) to the directory without
 * one. Requests without a query string, and every other path, go to the static files.
 */
final class DirectoryFilterHandler extends Handler.Wrapper {
    private final SiteView view;
    private final Template template;
    private final Path siteDir;

    DirectoryFilterHandler(Handler staticFiles, SiteView view, Configuration freemarker, Path siteDir) throws IOException {
        super(staticFiles);
        this.view = view;
        this.template = freemarker.getTemplate("directory.ftlh");
        this.siteDir = siteDir;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        Optional<Page> page = view.site().flatMap(site -> site.itemAt(path))
                .filter(Page.class::isInstance).map(Page.class::cast)
                .filter(p -> p.listing() != null && view.site().orElseThrow().facetsOf(p.listing()).isPresent());
        if (page.isEmpty() || request.getHttpURI().getQuery() == null) {
            return super.handle(request, response, callback);
        }
        Map<String, Object> model = view.variables(path);
        model.put("item", page.get());
        model.put("content", Map.of("title", page.get().title(), "body", bakedIntro(path)));
        int status = HttpStatus.OK_200;
        try {
            Map<String, String> selection = selection(QueryParameters.of(request));
            Facets<?> facets = view.site().orElseThrow().facetsOf(page.get().listing()).orElseThrow();
            Optional<Facets.Invalid> invalid = facets.invalid(selection);
            if (invalid.isPresent()) {
                throw new InvalidQueryException(invalid.get().parameter(), invalid.get().reason());
            }
            Optional<String> contradicted = page.get().contradictedFilter(selection);
            if (contradicted.isPresent()) {
                // e.g. young people asked of the page for relatives, which holds only relatives' services
                Optional<Page> whole = view.site().orElseThrow().unfilteredDirectory(page.get().listing());
                if (whole.isPresent()) {
                    return redirect(response, callback, whole.get().location().url() + "?" + request.getHttpURI().getQuery());
                }
                throw new InvalidQueryException(contradicted.get(),
                        "this page shows only '" + page.get().filter().get(contradicted.get()) + "'");
            }
            model.put("selection", selection);
        } catch (InvalidQueryException e) {
            status = HttpStatus.BAD_REQUEST_400;
            model.put("error", e.getMessage());
        }
        return RenderedPage.send(response, callback, status, template, model);
    }

    private static boolean redirect(Response response, Callback callback, String location) {
        response.setStatus(HttpStatus.SEE_OTHER_303);
        response.getHeaders().put(org.eclipse.jetty.http.HttpHeader.LOCATION, location);
        response.write(true, org.eclipse.jetty.util.BufferUtil.EMPTY_BUFFER, callback);
        return true;
    }

    private static Map<String, String> selection(Map<String, List<String>> parameters) throws InvalidQueryException {
        Map<String, String> selection = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (parameter.getValue().size() > 1) {
                throw new InvalidQueryException(parameter.getKey(), "may be given only once");
            }
            String value = parameter.getValue().isEmpty() ? "" : parameter.getValue().get(0);
            if (!value.isEmpty()) {
                selection.put(parameter.getKey(), value);
            }
        }
        return selection;
    }

    /** The author's introduction as baked (AsciiDoc is converted at build time, not here). */
    private String bakedIntro(String path) throws IOException {
        Element prose = Jsoup.parse(siteDir.resolve(path.substring(1)).resolve("index.html").toFile(),
                StandardCharsets.UTF_8.name()).selectFirst("main > .prose");
        return prose == null ? "" : prose.html();
    }
}
