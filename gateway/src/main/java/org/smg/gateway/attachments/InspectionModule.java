package org.smg.gateway.attachments;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.inject.Singleton;

import org.apache.james.webadmin.Routes;
import org.smg.gateway.admin.ScannerRoutes;
import org.smg.gateway.quarantine.QuarantineRecheck;
import org.smg.policies.model.FileType;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;

/**
 * The attachment inspection of every mail: parts spooled encrypted in the data directory's private temporary
 * directory, types by content, the content checks per type, and the virus scanner bound by the scanner module.
 */
public final class InspectionModule extends AbstractModule {
    /** Parts up to this size stay in memory while they are inspected; larger ones are spooled encrypted. */
    private static final int SPOOL_MEMORY_BOUND = 1 << 20;

    private final Path spoolDirectory;
    private final Duration retryDelay;

    public InspectionModule(Path spoolDirectory, Duration retryDelay) {
        this.spoolDirectory = spoolDirectory;
        this.retryDelay = retryDelay;
    }

    @Override
    protected void configure() {
        bind(ScanRetryDelays.class).toInstance(new ScanRetryDelays(retryDelay));
        bind(QuarantineRecheck.class).to(InspectionRecheck.class);
        Multibinder.newSetBinder(binder(), Routes.class).addBinding().to(ScannerRoutes.class);
    }

    /** The same encrypted spool for every reader of attachments (the web view's downloads too). */
    @Provides
    @Singleton
    Spool spool() {
        return new EncryptedSpool(SPOOL_MEMORY_BOUND, spoolDirectory);
    }

    @Provides
    @Singleton
    TypeDetector detector() {
        return new TypeDetector();
    }

    @Provides
    @Singleton
    MessageInspector inspector(VirusScanner scanner) {
        Spool spool = spool();
        TypeDetector detector = new TypeDetector();
        PolicyFileInspector files = new PolicyFileInspector(detector, self -> contentChecks(spool, self));
        return new MessageInspector(spool, detector, files, scanner);
    }

    private static Map<FileType, List<ContentCheck>> contentChecks(Spool spool, FileInspector self) {
        ContentCheck archive = new ZipArchiveCheck(spool, self);
        // Office and OpenDocument files are ZIP packages: held to the archive limits, and refused with macros.
        List<ContentCheck> office = List.of(new DocumentPackageCheck(), new OfficeMacroCheck());
        return Map.of(
            FileType.ZIP, List.of(archive),
            FileType.PDF, List.of(new PdfCheck()),
            FileType.DOCX, office,
            FileType.XLSX, office,
            FileType.PPTX, office,
            FileType.ODT, office,
            FileType.ODS, office);
    }
}
