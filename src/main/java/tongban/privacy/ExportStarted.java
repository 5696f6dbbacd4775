package tongban.privacy;

import java.util.UUID;

/** The copy's preparation began. */
public record ExportStarted(UUID exportId, UUID accountId) {
}
