"""YAML as people edit it, read strictly: no aliases (so no "billion laughs"), no duplicate keys, no deep
nesting, and every error names its line."""
from __future__ import annotations

import yaml

MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 20  # lists and mappings inside one another; gazetteer.yaml needs 4


class StrictLoader(yaml.SafeLoader):
    depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed here",
                                              event.start_mark)
        if self.depth >= MAX_DEPTH:  # the composer recurses: 5,000 nested brackets would overflow the stack
            raise yaml.composer.ComposerError(None, None, f"nested more than {MAX_DEPTH} deep",
                                              self.peek_event().start_mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_mapping(self, node, deep=False):
        seen = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, (str, int, float, bool)) and key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r} (first at line {seen[key] + 1})", key_node.start_mark)
            seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep)


def load(text: str):
    """Parse `text`; raises yaml.YAMLError (with problem_mark) on anything we will not read."""
    if len(text) > MAX_BYTES:
        raise yaml.YAMLError(f"the file is over {MAX_BYTES // 2**20} MB")
    return yaml.load(text, Loader=StrictLoader)  # noqa: S506 - StrictLoader is a SafeLoader


def compose(text: str):
    """The node tree, for line numbers of entries."""
    return yaml.compose(text, Loader=StrictLoader)
