package tongban.shared.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Settings under {@code tongban.s3.*}: files in an S3-compatible object store instead of the local folder (README,
 * docs/cluster.md "Files", docs/decisions/0046-files-in-object-storage.md). Set the bucket and the store is used.
 *
 * @param bucket the bucket the files go into (TONGBAN_S3_BUCKET); empty: files stay in the data folder
 * @param endpoint the store's address for non-AWS stores such as MinIO, Ceph or OSS (TONGBAN_S3_ENDPOINT)
 * @param region the signing region (TONGBAN_S3_REGION); empty: the SDK's default chain, or us-east-1 with an endpoint
 * @param pathStyle address the bucket as {@code endpoint/bucket} rather than {@code bucket.endpoint} (TONGBAN_S3_PATH_STYLE)
 * @param accessKey the access key (TONGBAN_S3_ACCESS_KEY); empty: the SDK's default credentials chain
 * @param secretKey the secret key (TONGBAN_S3_SECRET_KEY)
 * @param sse server-side encryption of every object: empty, {@code AES256} or {@code aws:kms} (TONGBAN_S3_SSE)
 * @param kmsKeyId the KMS key of {@code aws:kms}; empty: the bucket's default key (TONGBAN_S3_KMS_KEY_ID)
 * @param prefix the key prefix under which the files live in the bucket (TONGBAN_S3_PREFIX)
 * @param importLocal copy the local folder's files into the bucket at start, once (TONGBAN_S3_IMPORT_LOCAL)
 */
@ConfigurationProperties("tongban.s3")
public record ObjectStoreSettings(String bucket, String endpoint, String region, boolean pathStyle, String accessKey, String secretKey,
		String sse, String kmsKeyId, String prefix, boolean importLocal) {

	public ObjectStoreSettings {
		bucket = blankToEmpty(bucket);
		endpoint = blankToEmpty(endpoint);
		region = blankToEmpty(region);
		accessKey = blankToEmpty(accessKey);
		secretKey = blankToEmpty(secretKey);
		sse = blankToEmpty(sse);
		kmsKeyId = blankToEmpty(kmsKeyId);
		prefix = prefix == null ? "files/" : prefix.strip();
		if (!prefix.isEmpty() && !prefix.endsWith("/")) {
			prefix = prefix + "/";
		}
		if (!sse.isEmpty() && !sse.equals("AES256") && !sse.equals("aws:kms")) {
			throw new IllegalArgumentException("TONGBAN_S3_SSE must be empty, AES256 or aws:kms, not " + sse);
		}
	}

	private static String blankToEmpty(String value) {
		return value == null ? "" : value.strip();
	}

	/** The object key of a file id. */
	String key(String id) {
		return prefix + FileIds.relative(id);
	}

	/** True when a bucket is named: the object store replaces the local folder. */
	static final class Configured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return StringUtils.hasText(context.getEnvironment().getProperty("tongban.s3.bucket"));
		}
	}

	/** True when no bucket is named: files stay in the local folder (one node). */
	static final class NotConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !new Configured().matches(context, metadata);
		}
	}
}
