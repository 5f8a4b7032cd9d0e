package org.smg.gateway.smtp;

import java.util.List;

import org.apache.james.smtpserver.CoreCmdHandlerLoader;
import org.apache.james.smtpserver.DataLineJamesMessageHookHandler;
import org.apache.james.protocols.lib.handler.HandlersPackage;

import com.google.common.collect.ImmutableList;

/**
 * James's core SMTP handlers ({@link CoreCmdHandlerLoader}), with {@link EncryptedDataLineHandler} in
 * the place of James's DATA line handler, so a message being received is never in plain text on disk,
 * and {@link ReleaseDataSpoolOnDisconnect}, which deletes the spool of a DATA cut off by a disconnect.
 */
public final class GatewayCoreHandlers implements HandlersPackage {
    @Override
    public List<String> getHandlers() {
        List<String> handlers = new CoreCmdHandlerLoader().getHandlers().stream()
            .map(name -> name.equals(DataLineJamesMessageHookHandler.class.getName()) ? EncryptedDataLineHandler.class.getName() : name)
            .collect(ImmutableList.toImmutableList());
        return ImmutableList.<String>builder().addAll(handlers).add(ReleaseDataSpoolOnDisconnect.class.getName()).build();
    }
}
