package tongban.privacy;

import java.util.UUID;

/** A person asked for a copy of their data; it is prepared after this commits. */
public record ExportRequested(UUID exportId, UUID accountId) {
}
