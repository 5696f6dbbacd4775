/**
 * The tamper-evident audit trail: sign-ins, role changes, seal use, data reads and reveals, publishing and grants are
 * appended as entries of one hash chain (each entry's HMAC covers the previous entry's), so that altering or deleting an
 * entry is found by {@code /api/admin/audit/verify} and the console's audit page, which name the first entry that fails.
 */
@ApplicationModule(displayName = "Audit")
package tongban.audit;

import org.springframework.modulith.ApplicationModule;
