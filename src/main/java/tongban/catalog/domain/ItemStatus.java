package tongban.catalog.domain;

/** A version's place in the publishing flow. */
public enum ItemStatus { DRAFT, SUBMITTED, PUBLISHED, SUPERSEDED, WITHDRAWN }
