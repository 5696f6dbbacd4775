package tongban.shared.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import tongban.shared.TongbanProperties;

/**
 * Moving an installation from the local folder to the object store: started once with {@code TONGBAN_S3_IMPORT_LOCAL=true}
 * (and the bucket set), the node copies {@code TONGBAN_DATA_DIR/files} into the bucket before it takes traffic (runners
 * run before readiness). Idempotent: what is in the bucket already is skipped, so a start cut off half-way is simply
 * started again. If the store cannot be reached the node does not start, saying so.
 */
@Component
@Conditional(ObjectStoreSettings.Configured.class)
class LocalFilesImport implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(LocalFilesImport.class);

	private final ObjectStoreSettings settings;
	private final S3FileStore store;
	private final Path folder;

	LocalFilesImport(ObjectStoreSettings settings, S3FileStore store, TongbanProperties properties) {
		this.settings = settings;
		this.store = store;
		this.folder = properties.dataDir().resolve("files");
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!settings.importLocal()) {
			return;
		}
		if (!Files.isDirectory(folder)) {
			log.info("TONGBAN_S3_IMPORT_LOCAL: no local files folder at {}, nothing to copy", folder.toAbsolutePath());
			return;
		}
		store.importFolder(folder);
	}
}
