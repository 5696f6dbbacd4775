package tongban.identity.domain;

public enum AccountKind { CITIZEN, STAFF }
