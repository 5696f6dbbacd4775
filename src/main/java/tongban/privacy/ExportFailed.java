package tongban.privacy;

import java.util.UUID;

/** The copy could not be prepared; the person may ask again. */
public record ExportFailed(UUID exportId, UUID accountId) {
}
