package no.rusplan.render;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import no.rusplan.model.SiteModel;
import no.rusplan.model.SiteSettings;

/**
 * The variables every template gets: {@code settings}, {@code msg} (UI strings), {@code page}
 * (this page's URL and language), {@code today}, and on baked pages {@code site} (the whole
 * model). Pages the server renders (search results) have no {@code site}: they are built from
 * the index alone. Page-specific variables ({@code item}, {@code content}, {@code result}) are
 * added by the caller.
 */
public final class SiteView {
    private static final StructuredData STRUCTURED_DATA = new StructuredData();
    private final SiteSettings settings;
    private final Messages messages;
    private final LocalDate today;
    private final SiteModel site;
    private final boolean liveReload;

    private SiteView(SiteSettings settings, Messages messages, LocalDate today, SiteModel site, boolean liveReload) {
        this.settings = settings;
        this.messages = messages;
        this.today = today;
        this.site = site;
        this.liveReload = liveReload;
    }

    /** The same view, with pages that reload themselves when {@code serve --watch} rebuilds. */
    public SiteView withLiveReload(boolean on) {
        return new SiteView(settings, messages, today, site, on);
    }

    /** For baked pages. */
    public static SiteView baked(SiteModel site, Messages messages, LocalDate today) {
        return new SiteView(site.settings(), messages, today, site, false);
    }

    /** For pages the server renders from the index alone. */
    public static SiteView served(SiteSettings settings, Messages messages, LocalDate today) {
        return new SiteView(settings, messages, today, null, false);
    }

    /** For pages the server renders with the content model (filter forms). */
    public static SiteView served(SiteModel site, Messages messages, LocalDate today) {
        return new SiteView(site.settings(), messages, today, site, false);
    }

    public Optional<SiteModel> site() {
        return Optional.ofNullable(site);
    }

    public Map<String, Object> variables(String pageUrl) {
        Map<String, Object> vars = new HashMap<>();
        if (site != null) {
            vars.put("site", site);
        }
        vars.put("settings", settings);
        vars.put("msg", messages.asMap());
        vars.put("page", PageContext.of(pageUrl, settings));
        vars.put("today", today);
        vars.put("liveReload", liveReload);
        vars.put("structuredData", STRUCTURED_DATA);
        return vars;
    }
}
