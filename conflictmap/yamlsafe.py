"""YAML as people edit it, read strictly: no aliases (so no "billion laughs"), no duplicate keys, no deep
nesting, and every error names its line."""
from __future__ import annotations

import yaml

MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 20  # lists and mappings inside one another; gazetteer.yaml needs 4


class _Strict:
    """The checks, made while composing: on the C parser's events when libyaml is there (a 17 MB file in
    seconds, not minutes), else on the pure-Python parser's."""

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
            return yaml.composer.Composer.compose_node(self, parent, index)
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
        return yaml.constructor.SafeConstructor.construct_mapping(self, node, deep)


if yaml.__with_libyaml__:
    from yaml.cyaml import CParser

    class StrictLoader(_Strict, yaml.composer.Composer, CParser, yaml.constructor.SafeConstructor,
                       yaml.resolver.Resolver):
        def __init__(self, stream):
            CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)
else:  # PyYAML built without libyaml
    class StrictLoader(_Strict, yaml.SafeLoader):
        pass


def load(text: str):
    """Parse `text`; raises yaml.YAMLError (with problem_mark) on anything we will not read."""
    if len(text) > MAX_BYTES:
        raise yaml.YAMLError(f"the file is over {MAX_BYTES // 2**20} MB")
    return yaml.load(text, Loader=StrictLoader)  # noqa: S506 - StrictLoader is a SafeLoader


def compose(text: str):
    """The node tree, for line numbers of entries."""
    return yaml.compose(text, Loader=StrictLoader)


def load_with_nodes(text: str):
    """(data, node tree) from one parse: the data, and where each part of it stands in the file."""
    if len(text) > MAX_BYTES:
        raise yaml.YAMLError(f"the file is over {MAX_BYTES // 2**20} MB")
    loader = StrictLoader(text)
    try:
        root = loader.get_single_node()
        return (None if root is None else loader.construct_document(root)), root
    finally:
        loader.dispose()
