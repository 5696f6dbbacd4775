package tongban.privacy;

import java.util.UUID;

/** The copy is ready to download until it expires. */
public record ExportReady(UUID exportId, UUID accountId) {
}
