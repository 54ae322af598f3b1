package org.lscb.registry.reviewer;

/** The nine regions of England, where a reviewer is willing to work. */
public enum Region {
    NORTH_EAST,
    NORTH_WEST,
    YORKSHIRE_AND_THE_HUMBER,
    EAST_MIDLANDS,
    WEST_MIDLANDS,
    EAST_OF_ENGLAND,
    LONDON,
    SOUTH_EAST,
    SOUTH_WEST
}
