package tongban.seal.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.LongSupplier;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import tongban.seal.Family;

/**
 * The platform's own time-stamp unit (RFC 3161), its P-256 key certified by the issuing CA for time stamping only:
 * stamps a signature value so that a PAdES signature reaches baseline B-T (ETSI EN 319 142-1).
 */
public class TimeStamps {

	/** The unit's policy: a UUID-based OID (ITU-T X.667), the platform's own. */
	static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("2.25.243810391280063517756228069515770034993");
	static final String ALIAS = "tsa-p256";
	/** A unit whose certificate has less than this left is replaced, so that archive time-stamps always outlast the old. */
	static final Duration RENEW_BEFORE = Duration.ofDays(365L * 2);
	static final Duration VALIDITY = Duration.ofDays(365L * 5);

	private final PlatformCa ca;
	private volatile SigningKeys.Entry unit;
	private volatile int generation;
	/** Serial numbers unique across the cluster (RFC 3161: unique per token of a TSA): a database sequence, not node memory. */
	private final LongSupplier serials;

	/** The newest unit (aliases tsa-p256, tsa-p256-2, tsa-p256-3 …), a new one when it has less than two years left. */
	public TimeStamps(SigningKeys keys, PlatformCa ca, LongSupplier serials) {
		this.ca = ca;
		this.serials = serials;
		int n = 1;
		while (keys.get(alias(n + 1)).isPresent()) {
			n++;
		}
		this.generation = n;
		this.unit = keys.get(alias(n)).orElseGet(() -> issue(1));
		renewIfDue();
	}

	/** Renews the unit when its certificate has less than two years left; true when it did. */
	public synchronized boolean renewIfDue() {
		if (unit.certificate().getNotAfter().toInstant().isBefore(Instant.now().plus(RENEW_BEFORE))) {
			renew();
			return true;
		}
		return false;
	}

	private static String alias(int generation) {
		return generation == 1 ? ALIAS : ALIAS + "-" + generation;
	}

	private SigningKeys.Entry issue(int n) {
		return ca.issue(alias(n), Family.P256, PlatformCa.name("通办平台时间戳服务", null), VALIDITY, PlatformCa.Usage.TIMESTAMP);
	}

	/** Replaces the unit by a new key and certificate (the old time-stamps stay valid until their certificate expires). */
	public synchronized void renew() {
		unit = issue(generation + 1);
		generation++;
	}

	/** The unit's certificate and the chain above it: validation data of its time-stamps. */
	public List<X509Certificate> chain() {
		return unit.chain();
	}

	/** A time-stamp token over the SHA-256 of the given bytes (a signature value). */
	public TimeStampToken stamp(byte[] signatureValue) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(signatureValue);
			var request = new TimeStampRequestGenerator();
			request.setCertReq(true);
			DigestCalculator sha256 = new JcaDigestCalculatorProviderBuilder().setProvider(Crypto.PROVIDER).build()
				.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
			var generator = new TimeStampTokenGenerator(new JcaSimpleSignerInfoGeneratorBuilder().setProvider(Crypto.PROVIDER)
				.build("SHA256withECDSA", unit.key(), unit.certificate()), sha256, POLICY);
			generator.addCertificates(new JcaCertStore(unit.chain()));
			return generator.generate(request.generate(NISTObjectIdentifiers.id_sha256, digest), BigInteger.valueOf(serials.getAsLong()),
					new Date());
		}
		catch (GeneralSecurityException | OperatorCreationException | TSPException e) {
			throw new IllegalStateException("cannot time-stamp", e);
		}
	}
}
