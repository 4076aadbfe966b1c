#!/usr/bin/env python3
"""Writes a Windows .ico from PNG icons: make_icon.py OUT.ico IN.png...

Each PNG is stored as it is in the icon (Windows reads PNG icons since
Vista), except that 16 bits per channel, which Windows does not read there,
become 8: the PNG is decoded and written again, unfiltered.
"""
import struct
import sys
import zlib


def chunks(data):
    at = 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        yield kind, data[at + 8:at + 8 + length]
        at += 12 + length


def unfilter(raw, width, bpp):
    stride, rows, prev, at = width * bpp, [], bytearray(width * bpp), 0
    while at < len(raw):
        kind, line = raw[at], bytearray(raw[at + 1:at + 1 + stride])
        at += 1 + stride
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return rows


def png_chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def eight_bit_rgba(data):
    header = dict(chunks(data))[b"IHDR"]
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    if depth == 8:
        return data, width, height
    if depth != 16 or colour != 6:
        sys.exit("make_icon.py: only RGBA PNGs with 8 or 16 bits per channel are read")
    idat = b"".join(body for kind, body in chunks(data) if kind == b"IDAT")
    rows = unfilter(zlib.decompress(idat), width, 8)
    raw = b"".join(b"\0" + bytes(row[0::2]) for row in rows)  # the high byte of each channel
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", zlib.compress(raw, 9))
    return png + png_chunk(b"IEND", b""), width, height


def main(out, inputs):
    images = [eight_bit_rgba(open(path, "rb").read()) for path in inputs]
    icon = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    for png, width, height in images:
        icon += struct.pack("<BBBBHHII", width % 256, height % 256, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
    open(out, "wb").write(icon + b"".join(png for png, _, _ in images))


main(sys.argv[1], sys.argv[2:])
