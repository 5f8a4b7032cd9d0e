package org.smg.gateway.dkim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.smg.gateway.secrets.PrivateDirectories;
import org.smg.gateway.secrets.SecretFiles;

/**
 * The gateway's DKIM key: RSA 2048, generated on first start into the secrets directory as a
 * PKCS#8 PEM file of mode 0600, and read from there on every later start (a new key would
 * invalidate the DNS record the administrator published). The private key is handed only to the
 * signer; {@link #toString()} shows nothing of it.
 */
public final class DkimKey {
    private static final int BITS = 2048;
    private static final Pattern PEM = Pattern.compile(
        "-----BEGIN PRIVATE KEY-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END PRIVATE KEY-----");

    private final String privateKeyPem;
    private final String publicKeyBase64;

    private DkimKey(String privateKeyPem, String publicKeyBase64) {
        this.privateKeyPem = privateKeyPem;
        this.publicKeyBase64 = publicKeyBase64;
    }

    /** The key in {@code file}, generated there first when the file is absent. */
    public static DkimKey readOrCreate(Path file) throws IOException {
        if (Files.notExists(file)) {
            create(file);
        }
        return read(file);
    }

    /** The key in {@code file}; refused when others can read it or it is not an RSA PKCS#8 PEM key. */
    public static DkimKey read(Path file) throws IOException {
        SecretFiles.requireOwnerOnly(file);
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        Matcher matcher = PEM.matcher(pem);
        if (!matcher.find()) {
            throw new IOException("DKIM key file " + file + ": expected an RSA private key in PKCS#8 PEM"
                + " (-----BEGIN PRIVATE KEY-----), as the gateway generates it");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (!(rsa.generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof RSAPrivateCrtKey key)) {
                throw new IOException("DKIM key file " + file + ": expected an RSA private key with its CRT parameters");
            }
            if (key.getModulus().bitLength() < BITS) {
                throw new IOException("DKIM key file " + file + ": expected an RSA key of at least " + BITS
                    + " bits, got " + key.getModulus().bitLength());
            }
            byte[] publicKey = rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())).getEncoded();
            return new DkimKey(matcher.group(), Base64.getEncoder().encodeToString(publicKey));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("DKIM key file " + file + ": not a readable RSA private key (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static void create(Path file) throws IOException {
        String pem;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(BITS);
            pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is part of every JDK", e);
        }
        PrivateDirectories.create(file.toAbsolutePath().getParent());
        try {
            // 0600 from the start, like every secret file.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** The private key as PEM, for the signer only. */
    String privateKeyPem() {
        return privateKeyPem;
    }

    /** The value of the DNS TXT record: {@code v=DKIM1; k=rsa; p=<SubjectPublicKeyInfo, Base64>}. */
    public String txtRecord() {
        return "v=DKIM1; k=rsa; p=" + publicKeyBase64;
    }

    @Override
    public String toString() {
        return "DkimKey[RSA " + BITS + "]";
    }
}
