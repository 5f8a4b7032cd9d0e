package org.smg.gateway.attachments;

import java.io.IOException;
import java.io.InputStream;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;

/**
 * Whether a file's bytes are an S/MIME detached signature: one CMS ContentInfo of type SignedData that spans the
 * whole file, with at least one signer and no encapsulated content. Every signed mail carries one (smime.p7s) and no
 * program lists it as a type, so {@link MessageInspector} exempts it from the type policy, but only where
 * multipart/signed puts it and only when this parse proves it: an EXE, a ZIP or a signature with a file appended is
 * not one, whatever its name and declared type.
 *
 * <p>The signature is not verified: trust in the signer is the recipient's client's decision, and a broken signature
 * carries nothing a client runs. The size is bounded ({@link #MAX_SIZE}) because the parse holds the bytes in
 * memory. BER as well as DER is accepted: Thunderbird (NSS) writes indefinite lengths.
 */
final class DetachedSignature {
    /** A signature with a long certificate chain is a few tens of kilobytes; this is far above it. */
    static final long MAX_SIZE = 1024 * 1024;

    private DetachedSignature() {
    }

    static boolean isDetachedSignature(SpooledContent content) throws IOException {
        if (content.size() == 0 || content.size() > MAX_SIZE) {
            return false;
        }
        byte[] bytes;
        try (InputStream in = content.open()) {
            bytes = in.readNBytes((int) MAX_SIZE + 1);
        }
        return isDetachedSignature(bytes);
    }

    static boolean isDetachedSignature(byte[] bytes) {
        try {
            // fromByteArray refuses bytes after the first object: nothing may hide behind a valid signature.
            ContentInfo info = ContentInfo.getInstance(ASN1Primitive.fromByteArray(bytes));
            if (info == null || !CMSObjectIdentifiers.signedData.equals(info.getContentType())) {
                return false;
            }
            return new CMSSignedData(info).isDetachedSignature();
        } catch (IOException | CMSException | RuntimeException e) {
            // Not ASN.1, not a ContentInfo, not a SignedData: then it is simply not a signature, judged like any file.
            return false;
        }
    }
}
