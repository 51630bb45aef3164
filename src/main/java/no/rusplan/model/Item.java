package no.rusplan.model;

/** Anything that has a page of its own: every content type's record. */
public interface Item {
    String id();

    Location location();
}
