package org.smg.gateway.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smg.policies.model.AttachmentRules;

class ZipArchiveCheckTest {
    private static final AttachmentRules DEFAULTS = AttachmentRules.builder().build();
    private static final Duration FAST = Duration.ofMillis(500);

    private final InMemorySpool spool = new InMemorySpool();
    private final RecordingInspector inspector = new RecordingInspector();
    private final ZipArchiveCheck check = new ZipArchiveCheck(spool, inspector);

    ZipArchiveCheckTest() {
        inspector.openArchivesWith(check);
    }

    /** Loads and warms the ZIP and inflater classes once, so that the timing tests measure the check, not class loading. */
    @BeforeAll
    static void warmUp() throws Exception {
        RecordingInspector inspector = new RecordingInspector();
        ZipArchiveCheck check = new ZipArchiveCheck(new InMemorySpool(), inspector);
        inspector.openArchivesWith(check);
        check.check("warm.zip", "application/zip", InMemorySpooledContent.of(SampleFiles.eicarInZipInZip()), DEFAULTS,
                ArchiveBudget.forAttachment());
    }

    @Test
    void checkShouldPassAndInspectEveryEntryOneLevelDeeperWhenAllEntriesPass() throws Exception {
        Optional<Refusal> refusal = check("files.zip", SampleFiles.zipOfAllowedFiles(), DEFAULTS);

        assertThat(refusal).isEmpty();
        assertThat(inspector.inspected()).extracting(RecordingInspector.Inspected::name)
                .containsExactly("files.zip/report.pdf", "files.zip/letter.docx", "files.zip/photo.png", "files.zip/notes.txt");
        assertThat(inspector.inspected()).allSatisfy(file -> assertThat(file.depth()).isEqualTo(1));
    }

    @Test
    void checkShouldInspectNestedEntriesUnderTheirFullPathWhenArchivesAreNested() throws Exception {
        Optional<Refusal> refusal = check("outer.zip", SampleFiles.eicarInZipInZip(), DEFAULTS);

        assertThat(refusal).isEmpty();
        assertThat(inspector.inspected()).containsExactly(
                new RecordingInspector.Inspected("outer.zip/inner.zip", 1, SampleFiles.eicarInZip().length),
                new RecordingInspector.Inspected("outer.zip/inner.zip/eicar.txt", 2, SampleFiles.eicar().length));
    }

    @Test
    void checkShouldRefuseTheArchiveWithTheEntrysRefusalWhenOneEntryIsRefused() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("notes.txt", "fine".getBytes(StandardCharsets.US_ASCII));
        entries.put("invoice.pdf", SampleFiles.elfExecutable());
        byte[] archive = SampleFiles.zip(Map.of("inner.zip", SampleFiles.zip(entries)));

        Optional<Refusal> refusal = check("outer.zip", archive, DEFAULTS);

        assertThat(refusal).hasValueSatisfying(value -> {
            assertThat(value.reason()).isEqualTo(RefusalReason.TYPE_NOT_ALLOWED);
            assertThat(value.fileName()).isEqualTo("outer.zip/inner.zip/invoice.pdf");
        });
    }

    @Test
    void checkShouldRefuseAsEncryptedWhenAnEntryIsPasswordProtected() throws Exception {
        Optional<Refusal> refusal = check("secret.zip", SampleFiles.passwordProtectedZip(), DEFAULTS);

        assertThat(refusal).hasValueSatisfying(value -> {
            assertThat(value.reason()).isEqualTo(RefusalReason.ENCRYPTED);
            assertThat(value.describe()).isEqualTo("\"secret.zip\": password-protected archives cannot be scanned");
        });
        assertThat(inspector.inspected()).isEmpty();
    }

    @Test
    void checkShouldRefuseANestedBombFastAndExpandLittleWithTheDefaultLimits() throws Exception {
        byte[] bomb = SampleFiles.nestedZipBomb();

        long start = System.nanoTime();
        Optional<Refusal> refusal = check("42.zip", bomb, DEFAULTS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(refusal).hasValueSatisfying(value -> assertThat(value.reason()).isEqualTo(RefusalReason.ARCHIVE_LIMIT));
        assertThat(took).isLessThan(FAST);
        assertThat(spool.bytesWritten()).isLessThan(200_000);
    }

    @Test
    void checkShouldRefuseANestedBombByItsDeclaredRatioWhenDepthAllowsAllItsLevels() throws Exception {
        AttachmentRules deep = AttachmentRules.builder().archiveMaxDepth(10).build();
        byte[] bomb = SampleFiles.nestedZipBomb();

        long start = System.nanoTime();
        Optional<Refusal> refusal = check("42.zip", bomb, deep);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(refusal).hasValueSatisfying(value -> {
            assertThat(value.reason()).isEqualTo(RefusalReason.ARCHIVE_LIMIT);
            assertThat(value.explanation()).contains("expands more than 100 times");
        });
        assertThat(took).isLessThan(FAST);
        assertThat(spool.bytesWritten()).isLessThan(200_000);
    }

    @Test
    void checkShouldRefuseWithoutOpeningWhenTheArchiveIsNestedDeeperThanAllowed() throws Exception {
        ArchiveBudget threeLevelsDown = ArchiveBudget.forAttachment().inside().inside().inside();

        Optional<Refusal> refusal = check.check("a.zip", "application/zip", InMemorySpooledContent.of(SampleFiles.zipOfAllowedFiles()),
                DEFAULTS, threeLevelsDown);

        assertThat(refusal).hasValueSatisfying(value -> {
            assertThat(value.reason()).isEqualTo(RefusalReason.ARCHIVE_LIMIT);
            assertThat(value.explanation()).isEqualTo("archives are nested more than 3 levels deep");
        });
        assertThat(inspector.inspected()).isEmpty();
    }

    @Test
    void checkShouldRefuseTheOverlappingBombFastWithTheDefaultLimits() throws Exception {
        byte[] bomb = SampleFiles.overlappingZipBomb();

        long start = System.nanoTime();
        Optional<Refusal> refusal = check("overlap.zip", bomb, DEFAULTS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(refusal).hasValueSatisfying(value -> assertThat(value.reason()).isEqualTo(RefusalReason.ARCHIVE_LIMIT));
        assertThat(took).isLessThan(FAST);
        assertThat(spool.bytesWritten()).isZero();
    }

    @Test
    void checkShouldRefuseOverlappingEntriesEvenWhenSizeAndRatioLimitsWouldAllowThem() throws Exception {
        AttachmentRules lenient = AttachmentRules.builder().archiveMaxExpansionRatio(1_000_000)
                .archiveMaxExpandedSize(Long.MAX_VALUE).build();

        Optional<Refusal> refusal = check("overlap.zip", SampleFiles.overlappingZipBomb(), lenient);

        assertThat(refusal).hasValueSatisfying(value -> {
            assertThat(value.reason()).isEqualTo(RefusalReason.ARCHIVE_LIMIT);
            assertThat(value.explanation()).isEqualTo("files in the archive overlap each other (a zip bomb)");
        });
        assertThat(spool.bytesWritten()).isZero();
    }

    @Test
    void checkShouldRefuseWhenEntriesOfNestedArchivesTogetherExceedTheEntryLimit() throws Exception {
        AttachmentRules fewEntries = AttachmentRules.builder().archiveMaxEntries(5).build();
        byte[] inner = SampleFiles.zipOfAllowedFiles();
        byte[] outer = SampleFiles.zip(Map.of("inner.zip", inner, "other.txt", new byte[1]));

        Optional<Refusal> refusal = check("outer.zip", outer, fewEntries);

        assertThat(refusal).hasValueSatisfying(value -> {
            assertThat(value.reason()).isEqualTo(RefusalReason.ARCHIVE_LIMIT);
            assertThat(value.fileName()).isEqualTo("outer.zip/inner.zip");
            assertThat(value.explanation()).isEqualTo("the archive holds more than 5 files (nested archives included)");
        });
    }

    @Test
    void checkShouldRefuseFromTheEndRecordWhenItDeclaresMoreEntriesThanAllowed() throws Exception {
        byte[] archive = SampleFiles.zipOfAllowedFiles();
        ByteBuffer.wrap(archive).order(ByteOrder.LITTLE_ENDIAN).putShort(archive.length - 22 + 10, (short) 60000);

        Optional<Refusal> refusal = check("many.zip", archive, DEFAULTS);

        assertThat(refusal).hasValueSatisfying(value -> {
            assertThat(value.reason()).isEqualTo(RefusalReason.ARCHIVE_LIMIT);
            assertThat(value.explanation()).isEqualTo("the archive holds more than 1000 files (nested archives included)");
        });
        assertThat(spool.bytesWritten()).isZero();
    }

    @Test
    void checkShouldRefuseBeforeExpandingWhenDeclaredSizesExceedTheExpandedLimit() throws Exception {
        AttachmentRules small = AttachmentRules.builder().archiveMaxExpandedSize(1000).build();
        byte[] archive = SampleFiles.zip(Map.of("big.txt", new byte[5000]));

        Optional<Refusal> refusal = check("big.zip", archive, small);

        assertThat(refusal).hasValueSatisfying(value -> {
            assertThat(value.reason()).isEqualTo(RefusalReason.ARCHIVE_LIMIT);
            assertThat(value.explanation()).isEqualTo("the archive expands to more than 1000 bytes");
        });
        assertThat(spool.bytesWritten()).isZero();
    }

    @Test
    void checkShouldStopExpandingAtTheDeclaredSizeWhenAnEntryLiesAboutIt() throws Exception {
        byte[] data = ZipSamples.deflate(new byte[4 * 1024 * 1024]);
        RawZipWriter.Fields lying = new RawZipWriter.Fields("small.txt", 8, 0, 0, data.length, 100);
        byte[] archive = new RawZipWriter().entry(lying, data).finish();

        Optional<Refusal> refusal = check("liar.zip", archive, DEFAULTS);

        assertThat(refusal).hasValueSatisfying(value -> {
            assertThat(value.reason()).isEqualTo(RefusalReason.ARCHIVE_LIMIT);
            assertThat(value.fileName()).isEqualTo("liar.zip/small.txt");
        });
        assertThat(spool.bytesWritten()).isLessThanOrEqualTo(101);
        assertThat(inspector.inspected()).isEmpty();
    }

    @Test
    void checkShouldRefuseAsMalformedWhenALocalHeaderDisagreesWithTheCentralDirectory() throws Exception {
        byte[] payload = SampleFiles.elfExecutable();
        long crc = ZipSamples.crc(payload);
        RawZipWriter writer = new RawZipWriter();
        writer.raw(RawZipWriter.localHeader(new RawZipWriter.Fields("payload.exe", 0, 0, crc, payload.length, payload.length)));
        writer.raw(payload);
        writer.central(new RawZipWriter.Fields("report.pdf", 0, 0, crc, payload.length, payload.length), 0);

        Optional<Refusal> refusal = check("mixed.zip", writer.finish(), DEFAULTS);

        assertThat(refusal).hasValueSatisfying(value -> {
            assertThat(value.reason()).isEqualTo(RefusalReason.MALFORMED);
            assertThat(value.explanation()).isEqualTo("the archive's local file headers disagree with its central directory");
        });
    }

    @Test
    void checkShouldRefuseAsUnscannableWhenAnEntryUsesAnUnsupportedCompressionMethod() throws Exception {
        byte[] data = "compressed with LZMA".getBytes(StandardCharsets.US_ASCII);
        byte[] archive = new RawZipWriter()
                .entry(new RawZipWriter.Fields("a.txt", 14, 0, ZipSamples.crc(data), data.length, data.length), data).finish();

        Optional<Refusal> refusal = check("lzma.zip", archive, DEFAULTS);

        assertThat(refusal).hasValueSatisfying(value -> assertThat(value.reason()).isEqualTo(RefusalReason.UNSCANNABLE));
    }

    @Test
    void checkShouldRefuseAsMalformedWhenTheContentIsNotAZip() throws Exception {
        Optional<Refusal> refusal = check("fake.zip", "PK but not really a zip".getBytes(StandardCharsets.US_ASCII), DEFAULTS);

        assertThat(refusal).hasValueSatisfying(value -> {
            assertThat(value.reason()).isEqualTo(RefusalReason.MALFORMED);
            assertThat(value.explanation()).isEqualTo("the archive cannot be read");
        });
    }

    private Optional<Refusal> check(String name, byte[] bytes, AttachmentRules rules) throws Exception {
        return check.check(name, "application/zip", InMemorySpooledContent.of(bytes), rules, ArchiveBudget.forAttachment());
    }
}
