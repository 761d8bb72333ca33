#pragma once
/// Raw desktop input for one frame. Only the front end reads this; it becomes TraineeActions.

namespace cd::platform {

struct InputState {
    bool forward = false;   ///< W or Up
    bool back = false;      ///< S or Down
    bool left = false;      ///< A or Left
    bool right = false;     ///< D or Right
    bool run = false;       ///< Shift held
    bool crouch = false;    ///< C held
    bool interact = false;  ///< E pressed this frame (edge)
    bool pause = false;     ///< Esc pressed this frame (edge)
    bool stairsUp = false;  ///< R or Page Up pressed this frame (edge): climb the stair of this stairwell
    bool stairsDown = false;  ///< F or Page Down pressed this frame (edge): go down it
    bool takeCover = false; ///< H pressed this frame (edge): drop, cover and hold on
    bool leadGroup = false; ///< G pressed this frame (edge): the nearest group follows the trainee
    bool clearDebris = false; ///< L pressed this frame (edge): lift the debris off the nearest trapped casualty
    bool coolGas = false;         ///< Z pressed this frame (edge): a 1 s fog pulse from the hose into the hot layer
    bool useExtinguisher = false; ///< X pressed this frame (edge): turn the carried extinguisher on the nearest fire of the room
    float mouseDxPx = 0.0f; ///< cursor motion since the last poll (only while captured)
    float mouseDyPx = 0.0f;
    bool cursorCaptured = false;
    bool closeRequested = false;  ///< the window's close button
};

}  // namespace cd::platform
