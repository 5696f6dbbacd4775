/** One identity: citizens, legal persons and their agents, proxies, staff and roles; the OIDC provider. */
package tongban.identity;
