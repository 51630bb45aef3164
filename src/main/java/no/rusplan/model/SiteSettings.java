package no.rusplan.model;

/**
 * Site-wide settings from {@code site.properties}.
 *
 * @param lang                 {@code nb} or {@code nn}: the UI language and {@code lang} attribute
 * @param baseUrl              canonical origin such as {@code https://rus.example.kommune.no}, or empty
 * @param verifiedMaxAgeMonths entries verified longer ago than this are flagged as possibly outdated
 */
public record SiteSettings(String title, String lang, String baseUrl, int verifiedMaxAgeMonths) {
}
