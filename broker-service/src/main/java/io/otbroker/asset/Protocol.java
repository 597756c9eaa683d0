package io.otbroker.asset;

/** Remote-access protocols the broker relays to assets. */
public enum Protocol {
    SSH,
    RDP,
    VNC
}
