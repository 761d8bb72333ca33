#pragma once
/// Typed ids for everything the physics world hands out; never Bullet pointers.
#include "core/id.h"

namespace cd::physics {

struct BodyTag {};
struct JointTag {};
struct StructureTag {};
struct CharacterTag {};
struct PassageTag {};
struct CasualtyTag {};

using BodyId = cd::Id<BodyTag>;            ///< a rigid body (static box, furniture, door, chunk)
using JointId = cd::Id<JointTag>;          ///< a joint of a structure (index within that structure)
using StructureId = cd::Id<StructureTag>;  ///< a pre-fractured building or storey
using CharacterId = cd::Id<CharacterTag>;  ///< a trainee's capsule body
using PassageId = cd::Id<PassageTag>;      ///< a watched door opening or corridor box
using CasualtyId = cd::Id<CasualtyTag>;    ///< a casualty point that debris may trap

template <class IdT>
IdT makeId(std::uint32_t index) {
    IdT id;
    id.index = index;
    id.generation = 0;
    return id;
}

}  // namespace cd::physics
