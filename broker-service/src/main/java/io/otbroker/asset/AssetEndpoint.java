package io.otbroker.asset;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Where the broker reaches an asset for one protocol. Only the broker connects here; vendors never
 * see or choose the target (DESIGN.md §4, "server decides the target").
 */
@Embeddable
public record AssetEndpoint(
        @NotNull(message = "must be one of SSH, RDP, VNC")
        @Enumerated(EnumType.STRING) @Column(name = "protocol", nullable = false) Protocol protocol,
        // Why so strict: the host ends up in upstream connection settings; only name and address characters pass.
        @NotNull(message = "must be a host name or IP address")
        @Pattern(regexp = "(?!-)[A-Za-z0-9.:-]{1,253}", message = "must be a host name or IP address "
                + "(letters, digits, '.', ':', '-'; at most 253 characters)")
        @Column(name = "host", nullable = false) String host,
        @NotNull(message = "must be a TCP port from 1 to 65535")
        @Min(value = 1, message = "must be a TCP port from 1 to 65535")
        @Max(value = 65535, message = "must be a TCP port from 1 to 65535")
        @Column(name = "port", nullable = false) Integer port) {
}
