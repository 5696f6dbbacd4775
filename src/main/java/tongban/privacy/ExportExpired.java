package tongban.privacy;

import java.util.UUID;

/** The copy's download period ended and its file was deleted. */
public record ExportExpired(UUID exportId, UUID accountId) {
}
