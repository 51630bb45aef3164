package no.rusplan.render;

/**
 * What every page template needs to know about the page itself.
 *
 * @param url       site-absolute URL of the page, e.g. {@code /services/arp/}
 * @param canonical absolute canonical URL when the site's base URL is set, else {@code url}
 * @param lang      the language of the page ({@code nb} or {@code nn})
 */
public record PageContext(String url, String canonical, String lang) {

    public static PageContext of(String url, no.rusplan.model.SiteSettings settings) {
        String base = settings.baseUrl().replaceAll("/+$", "");
        return new PageContext(url, base.isEmpty() ? url : base + url, settings.lang());
    }
}
