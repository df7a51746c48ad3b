"""svg_measure.py - what a reader sees in a Graphviz SVG: its size, where its nodes stand, how many labels overlap,
and whether an edge crosses kgkit's legend. Used by tests/scripts/test_graphviz.py and bench/legibility.py."""
import re
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


def size(path):
    """The picture's width and height, in points."""
    root = ET.parse(path).getroot()
    return tuple(float(root.get(k).rstrip("pt")) for k in ("width", "height"))


def node_centres(path):
    """Each node's centre (in the drawing's own box, y down) and the picture's width and height."""
    root = ET.parse(path).getroot()
    w, h = size(path)
    out = {}
    for g in root.iter(NS + "g"):
        if g.get("class") != "node":
            continue
        title = g.find(NS + "title").text
        shape, poly = next(g.iter(NS + "ellipse"), None), next(g.iter(NS + "polygon"), None)
        if shape is not None:
            x, y = float(shape.get("cx")), float(shape.get("cy"))
        elif poly is not None:
            pts = [tuple(map(float, p.split(","))) for p in poly.get("points").split()]
            x, y = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
        else:
            continue
        # Graphviz translates the drawing by (4, h - 4), its y axis up
        out[title] = (x - 4, y + h - 4)
    return out, w, h


def label_boxes(path):
    """The boxes of the nodes' label lines: (x0, y0, x1, y1, node) from each text's anchor, font size and length
    (a character taken as 0.5 em wide, about Helvetica's average, a line as 1.2 em high); the legend's left out."""
    boxes = []
    for node, g in enumerate(ET.parse(path).getroot().iter(NS + "g")):
        title = g.find(NS + "title")
        if g.get("class") != "node" or title is None or title.text.startswith("kgkit_legend"):
            continue
        for t in g.iter(NS + "text"):
            text = "".join(t.itertext()).strip()
            if not text:
                continue
            fs = float(t.get("font-size", "14"))
            x, y, wid = float(t.get("x")), float(t.get("y")), 0.5 * fs * len(text)
            x0 = {"middle": x - wid / 2, "end": x - wid}.get(t.get("text-anchor"), x)
            boxes.append((x0, y - fs, x0 + wid, y + 0.2 * fs, node))
    return boxes


def overlapping_share(path):
    """The share of label lines that overlap another node's (the lines of one node stack: not counted)."""
    boxes = label_boxes(path)
    hit = set()
    order = sorted(range(len(boxes)), key=lambda i: boxes[i][0])
    for a_pos, i in enumerate(order):  # sweep on x
        for j in order[a_pos + 1:]:
            if boxes[j][0] >= boxes[i][2]:
                break
            a, b = boxes[i], boxes[j]
            if a[4] != b[4] and a[1] < b[3] and b[1] < a[3]:
                hit.update((i, j))
    return len(hit) / len(boxes) if boxes else 0.0


def edges_through_legend(path):
    """How many edges have a point of their path inside the legend's box (None: no legend)."""
    box, edges = None, []
    for g in ET.parse(path).getroot().iter(NS + "g"):
        title = g.find(NS + "title")
        if g.get("class") == "node" and title is not None and title.text.startswith("kgkit_legend"):
            xs, ys = [], []
            for el in g.iter():
                if el.tag == NS + "text":
                    xs.append(float(el.get("x")))
                    ys.append(float(el.get("y")))
                elif el.tag == NS + "polygon":
                    for p in el.get("points").split():
                        x, y = map(float, p.split(","))
                        xs.append(x)
                        ys.append(y)
            box = (min(xs), min(ys), max(xs), max(ys))
        elif g.get("class") == "edge":
            for p in g.iter(NS + "path"):
                nums = list(map(float, re.findall(r"-?\d+(?:\.\d+)?", p.get("d"))))
                edges.append(list(zip(nums[0::2], nums[1::2])))
    if box is None:
        return None
    return sum(1 for pts in edges if any(box[0] <= x <= box[2] and box[1] <= y <= box[3] for x, y in pts))
