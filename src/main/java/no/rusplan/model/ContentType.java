package no.rusplan.model;

/**
 * The content types, each a JBake document type ({@code :jbake-type:}) with a template of the
 * same name ({@code templates/<code>.ftlh}).
 */
public enum ContentType implements Coded {
    MUNICIPALITY, PLAN, CHAPTER, MEASURE, MEASURES, SERVICE, PROGRAM, TERM, PAGE, DIRECTORY
}
