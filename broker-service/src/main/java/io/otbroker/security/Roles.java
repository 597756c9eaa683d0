package io.otbroker.security;

/** Keycloak realm roles, as named in the realm and in {@code @RolesAllowed}. */
public final class Roles {
    public static final String VENDOR = "vendor";
    public static final String OPERATOR = "operator";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    private Roles() {}
}
